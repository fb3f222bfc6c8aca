package dev.exemplar.evalset;

import dev.exemplar.dedup.DecontaminationStage;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.JsonlReader;
import dev.exemplar.spec.DedupSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The eval items' overlap with named corpora, found by the dedup stage's decontamination check
 * (a shared 13-gram of normalised words; a part shorter than 13 words overlaps only when it
 * appears whole). Each item's situation and both actions are checked as separate texts.
 */
public final class Contamination {
    /** An item that overlaps a corpus: which part, and the first corpus document that shares it. */
    public record Overlap(String itemId, String part, String document) {}

    private Contamination() {}

    /**
     * The overlapping items, first overlap per item, in item order. {@code against} holds run
     * directories (their data/ shards are read) and JSONL files or directories.
     */
    public static Map<String, Overlap> check(List<EvalSetBuilder.Candidate> items, List<Path> against, int ngram) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (EvalSetBuilder.Candidate c : items) {
            texts.put(c.id() + "#situation", c.scenario().situation());
            texts.put(c.id() + "#aligned", c.scenario().aligned());
            texts.put(c.id() + "#misaligned", c.scenario().misaligned());
        }
        var settings = new DedupSettings.Decontaminate(List.of(), ngram, DedupSettings.Decontaminate.NONE.minWords());
        DecontaminationStage stage = new DecontaminationStage(settings, texts);
        Map<String, Overlap> found = new LinkedHashMap<>();
        for (Path source : against) {
            Path in = Files.isDirectory(source.resolve("data")) ? source.resolve("data") : source;
            new JsonlReader(BadLinePolicy.FAIL, w -> { }).read(List.of(in), doc -> {
                for (String ref : stage.findAll(doc, stage.sketch(doc))) {
                    int hash = ref.indexOf('#');
                    String id = ref.substring(0, hash);
                    found.putIfAbsent(id, new Overlap(id, ref.substring(hash + 1), describe(source, doc)));
                }
            });
        }
        Map<String, Overlap> ordered = new LinkedHashMap<>();
        for (EvalSetBuilder.Candidate c : items) if (found.containsKey(c.id())) ordered.put(c.id(), found.get(c.id()));
        return ordered;
    }

    private static String describe(Path source, Document doc) {
        String id = doc.record().path("id").asText("");
        return source + (id.isEmpty() ? " document " + (doc.position() + 1) : " id " + id);
    }
}

package dev.exemplar.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.dedup.DedupChain;
import dev.exemplar.dedup.DedupRunner;
import dev.exemplar.dedup.DedupStages;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Json;
import dev.exemplar.spec.DedupSettings;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Spark dedup in local[2] keeps exactly what {@code exemplar dedup} keeps, and says why the same way. */
class DedupJobTest {
    private static JavaSparkContext sc;

    @TempDir static Path tmp;

    @BeforeAll
    static void start() {
        sc = LocalSpark.context();
    }

    /** A corpus with planted exact copies, near copies, chains of near copies and copies that come before their original. */
    static List<String> corpus(int n, long seed) {
        Random r = new Random(seed);
        List<String> texts = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String text;
            int kind = r.nextInt(10);
            if (i > 10 && kind == 0) {
                text = texts.get(r.nextInt(texts.size())).toUpperCase();  // exact after normalising
            } else if (i > 10 && kind <= 3) {
                text = edit(r, texts.get(r.nextInt(texts.size())), 1 + r.nextInt(12));  // near, sometimes a chain
            } else {
                text = words(r, 150 + r.nextInt(150));
            }
            texts.add(text);
            lines.add(Json.MAPPER.createObjectNode().put("id", "d" + i).put("text", text).put("n", i).toString());
        }
        return lines;
    }

    static String words(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : " ").append("w").append(r.nextInt(3000));
        return sb.append('.').toString();
    }

    static String edit(Random r, String text, int edits) {
        String[] w = text.split(" ");
        for (int e = 0; e < edits; e++) w[r.nextInt(w.length)] = "x" + r.nextInt(100000);
        return String.join(" ", w);
    }

    @Test
    void keepsExactlyWhatTheSingleMachineKeeps() throws IOException {
        Path in = Files.write(tmp.resolve("in.jsonl"), corpus(1500, 3));
        Path against = Files.write(tmp.resolve("old.jsonl"), corpus(40, 3).subList(0, 20));
        DedupSettings settings = DedupSettings.DEFAULT;
        Path one = tmp.resolve("one");
        try (DedupChain chain = DedupStages.fromSettings(settings, one)) {
            new DedupRunner(chain, new DedupRunner.Options(1, 256, BadLinePolicy.FAIL, false, false), m -> {})
                    .run(List.of(in), List.of(against), one);
        }
        Path many = tmp.resolve("spark");
        DedupRunner.Summary s = DedupJob.run(sc, new DedupJob.Params(List.of(in), List.of(against), many, settings,
                BadLinePolicy.FAIL, false), m -> {});

        List<String> keptOne = Files.readAllLines(one.resolve("kept.jsonl"));
        List<String> keptSpark = readParts(many.resolve("kept.jsonl"));
        assertEquals(keptOne, keptSpark, "the same kept records, byte for byte, in input order");
        List<JsonNode> removedOne = json(Files.readAllLines(one.resolve("removed.jsonl")));
        List<JsonNode> removedSpark = json(readParts(many.resolve("removed.jsonl")));
        assertEquals(removedOne.size(), removedSpark.size());
        assertTrue(removedOne.size() > 300, "the corpus plants many duplicates: " + removedOne.size());
        for (int i = 0; i < removedOne.size(); i++) {
            JsonNode a = removedOne.get(i), b = removedSpark.get(i);
            assertEquals(a.get("id"), b.get("id"));
            assertEquals(a.at("/reasons/0/code"), b.at("/reasons/0/code"), a.get("id").toString());
            assertEquals(a.get("duplicate_of"), b.get("duplicate_of"), a.get("id").toString());
        }
        JsonNode summaryOne = Json.MAPPER.readTree(one.resolve("summary.json").toFile());
        assertEquals(summaryOne.get("removed_by_stage").toString(), Json.MAPPER.valueToTree(s.removedByStage()).toString());
        assertEquals(20, s.againstDocuments());
    }

    static List<String> readParts(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> parts = Files.list(dir)) {
            for (Path p : parts.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList()) out.addAll(Files.readAllLines(p));
        }
        return out;
    }

    static List<JsonNode> json(List<String> lines) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : lines) out.add(Json.MAPPER.readTree(l));
        return out;
    }
}

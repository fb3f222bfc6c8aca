package dev.exemplar.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.Json;
import dev.exemplar.doc.JsonlReader;
import dev.exemplar.spec.DedupSettings;
import dev.exemplar.text.Counts;
import dev.exemplar.text.Shingles;
import dev.exemplar.text.TextNormalizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Eval-set decontamination: a document is removed when it shares any word n-gram (13 by
 * default, over normalised words) with an item of the evaluation sets the user names, so a mix
 * never trains on the evals it will be judged by. Items shorter than n words match on their whole
 * normalised text (when they have at least {@code minWords} words), because short statements
 * such as persona items would otherwise never match at all.
 *
 * <p>Eval sets are JSONL files (plain or gzipped), directories of them, plain {@code .txt} files
 * (one item a line) or a set list in YAML (see {@link EvalSets}). From each JSONL record every
 * string field named in {@link EvalSets#DEFAULT_FIELDS} is an item.
 */
public final class DecontaminationStage extends SketchStage<long[][]> implements java.io.Serializable {
    private final int ngram;
    private final int minWords;
    private final LongIntMultiMap grams = new LongIntMultiMap(1 << 16);
    private final IdList items = new IdList();
    /** The n-gram lengths present in the index: ngram itself and the lengths of shorter items. */
    private final int[] lengths;

    public DecontaminationStage(DedupSettings.Decontaminate settings) {
        this(settings, null);
    }

    /**
     * Indexes the given items (reference → text) instead of the settings' paths: for checking
     * eval items that exist only in memory, such as {@code exemplar evalset}'s questions.
     */
    public DecontaminationStage(DedupSettings.Decontaminate settings, java.util.Map<String, String> inMemory) {
        this.ngram = settings.ngram();
        this.minWords = settings.minWords();
        TreeSet<Integer> lens = new TreeSet<>();
        if (inMemory != null) inMemory.forEach((ref, text) -> index(text, ref, lens));
        else for (EvalSets.Source src : EvalSets.resolve(settings.paths())) load(src, lens);
        if (items.size() == 0) {
            throw new BadInputException("no evaluation items found in " + settings.paths()
                    + "; decontamination needs JSONL records with one of the fields "
                    + EvalSets.DEFAULT_FIELDS + " or .txt files with one item a line");
        }
        this.lengths = lens.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String name() { return "decontaminate"; }

    /** Number of eval items indexed. */
    public int items() { return items.size(); }

    @Override
    public boolean indexes() { return false; }

    @Override
    public long[][] sketch(Document doc) {
        long[][] out = new long[lengths.length][];
        for (int i = 0; i < lengths.length; i++) out[i] = Shingles.hashes(doc.wordHashes(), lengths[i]);
        return out;
    }

    @Override
    public Optional<Duplicate> find(Document doc, long[][] sketch) {
        int best = Integer.MAX_VALUE;
        for (long[] hashes : sketch) {
            for (long h : hashes) {
                int item = grams.first(h);
                if (item >= 0 && item < best) best = item;
            }
        }
        return best == Integer.MAX_VALUE ? Optional.empty() : Optional.of(new Duplicate(items.get(best), name(), 1.0));
    }

    /** Every eval item the document shares an n-gram with (not only the first), in index order. */
    public List<String> findAll(Document doc, long[][] sketch) {
        TreeSet<Integer> hits = new TreeSet<>();
        for (long[] hashes : sketch) {
            for (long h : hashes) grams.forEach(h, hits::add); // add returns true: visit every value
        }
        return hits.stream().map(items::get).toList();
    }

    @Override
    public void add(Document doc, long[][] sketch) {
        // Eval sets are fixed; corpus documents never join them.
    }

    private void load(EvalSets.Source src, TreeSet<Integer> lens) {
        String file = src.path().toString();
        boolean jsonl = JsonlReader.isJsonl(src.path());
        try (BufferedReader r = JsonlReader.open(src.path())) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                if (!jsonl) {
                    index(line, file + ":" + lineNo, lens);
                    continue;
                }
                JsonNode n;
                try {
                    n = Json.MAPPER.readTree(line);
                } catch (IOException e) {
                    throw new BadInputException(file + ":" + lineNo + ": eval set line is not valid JSON");
                }
                for (String f : src.fields()) {
                    JsonNode v = n.get(f);
                    if (v != null && v.isTextual()) index(v.asText(), file + ":" + lineNo + "#" + f, lens);
                }
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read eval set: " + dev.exemplar.doc.IoMessages.describe(e));
        }
    }

    private void index(String text, String ref, TreeSet<Integer> lens) {
        String norm = TextNormalizer.normalize(text);
        int words = TextNormalizer.words(norm).length;
        if (words < minWords) return;
        int len = Math.min(words, ngram);
        int item = items.add(ref);
        lens.add(len);
        for (long h : Shingles.hashes(norm, len)) grams.put(h, item);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "decontaminate: %s, %s (n = %d)",
                Counts.of(items.size(), "eval item"), Counts.of(grams.size(), "n-gram"), ngram);
    }

    List<Integer> lengths() {
        return java.util.Arrays.stream(lengths).boxed().toList();
    }
}

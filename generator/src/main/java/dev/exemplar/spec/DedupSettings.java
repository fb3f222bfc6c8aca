package dev.exemplar.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.dedup.LshMath;
import dev.exemplar.embed.EmbeddingTier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The mix's {@code dedup} section: which dedup stages run inside {@code generate}, with their
 * thresholds. {@code near} and {@code semantic} also accept a plain {@code true}/{@code false}.
 *
 * <pre>
 * dedup:
 *   exact: true
 *   near: {threshold: 0.8, bands: 18, rows: 7, shingle: 5, verify: true}
 *   semantic: {enabled: false, embeddings: static, threshold: 0.92}
 *   decontaminate: {paths: [../decontam/sets.yaml], ngram: 13, min_words: 8}
 * </pre>
 */
public record DedupSettings(boolean exact, Near near, Semantic semantic, Decontaminate decontaminate)
        implements java.io.Serializable {

    /** MinHash LSH near-duplicate settings; {@code bands x rows} hashes per document. */
    public record Near(boolean enabled, double threshold, int bands, int rows, int shingle, boolean verify)
            implements java.io.Serializable {
        public static final Near DEFAULT = of(0.8);

        /** Enabled, verifying, word 5-grams, with the banding {@link LshMath#choose} picks for the threshold. */
        public static Near of(double threshold) {
            int[] br = LshMath.choose(threshold);
            return new Near(true, threshold, br[0], br[1], 5, true);
        }
    }

    /**
     * Embedding near-duplicates: cosine similarity of sentence embeddings of one tier, the static
     * model (default; fast enough for millions of documents) or MiniLM. The default threshold
     * depends on the tier, whose cosines are not on the same scale.
     */
    public record Semantic(boolean enabled, double threshold, EmbeddingTier embeddings) implements java.io.Serializable {
        public static final Semantic DEFAULT = of(false, EmbeddingTier.STATIC);

        /** The tier's default threshold: measured on planted paraphrases (docs/BENCHMARKS.md). */
        public static double defaultThreshold(EmbeddingTier tier) {
            return tier == EmbeddingTier.STATIC ? 0.92 : 0.95;
        }

        public static Semantic of(boolean enabled, EmbeddingTier tier) {
            return new Semantic(enabled, defaultThreshold(tier), tier);
        }
    }

    /**
     * Eval-set decontamination: documents sharing any {@code ngram}-word sequence with an eval
     * item are removed; items shorter than {@code ngram} words match on their whole text when they
     * have at least {@code minWords} words.
     */
    public record Decontaminate(List<Path> paths, int ngram, int minWords) implements java.io.Serializable {
        public static final Decontaminate NONE = new Decontaminate(List.of(), 13, 8);

        public boolean enabled() { return !paths.isEmpty(); }
    }

    public static final DedupSettings DEFAULT =
            new DedupSettings(true, Near.DEFAULT, Semantic.DEFAULT, Decontaminate.NONE);

    static DedupSettings read(NodeReader r) {
        NodeReader d = r.child("dedup");
        boolean exact = d.bool("exact", DEFAULT.exact());
        Near near = readNear(d);
        Semantic semantic = readSemantic(d);
        Decontaminate decon = readDecontaminate(d);
        d.finish();
        return new DedupSettings(exact, near, semantic, decon);
    }

    private static Near readNear(NodeReader d) {
        JsonNode raw = d.raw("near");
        if (raw != null && raw.isBoolean()) {
            return raw.asBoolean() ? Near.DEFAULT : new Near(false, 0.8, 18, 7, 5, true);
        }
        NodeReader n = d.child("near");
        boolean enabled = n.bool("enabled", true);
        double threshold = n.number("threshold", 0.05, 1.0, Near.DEFAULT.threshold());
        int[] auto = LshMath.choose(threshold);
        boolean hasBands = n.has("bands");
        boolean hasRows = n.has("rows");
        int bands = (int) n.integer("bands", 1, 512, auto[0]);
        int rows = (int) n.integer("rows", 1, 64, auto[1]);
        if (hasBands != hasRows) {
            n.problem(hasBands ? "bands" : "rows", "give bands and rows together (or neither, to have them chosen from threshold)");
        }
        int shingle = (int) n.integer("shingle", 1, 64, 5);
        boolean verify = n.bool("verify", true);
        n.finish();
        return new Near(enabled, threshold, bands, rows, shingle, verify);
    }

    private static Semantic readSemantic(NodeReader d) {
        JsonNode raw = d.raw("semantic");
        if (raw != null && raw.isBoolean()) return Semantic.of(raw.asBoolean(), Semantic.DEFAULT.embeddings());
        NodeReader s = d.child("semantic");
        boolean enabled = s.bool("enabled", s.absent() ? Semantic.DEFAULT.enabled() : true);
        EmbeddingTier tier = EmbeddingTier.of(s.choice("embeddings", List.of("static", "minilm"), Semantic.DEFAULT.embeddings().id()));
        double threshold = s.number("threshold", 0.5, 1.0, Semantic.defaultThreshold(tier));
        s.finish();
        return new Semantic(enabled, threshold, tier);
    }

    private static Decontaminate readDecontaminate(NodeReader d) {
        NodeReader c = d.child("decontaminate");
        List<String> raw = c.strings("paths", 0, false);
        int ngram = (int) c.integer("ngram", 3, 100, Decontaminate.NONE.ngram());
        int minWords = (int) c.integer("min_words", 1, 100, Decontaminate.NONE.minWords());
        Path base = d.yaml().file() == null ? Path.of("") : d.yaml().file().toAbsolutePath().getParent();
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Path p = base.resolve(raw.get(i)).normalize();
            if (!Files.exists(p)) {
                c.problemAt(c.pointer() + "/paths/" + i, "dedup.decontaminate.paths[" + i + "]",
                        "no such file or directory: " + p + " (paths are relative to the mix file)");
            }
            paths.add(p);
        }
        c.finish();
        return new Decontaminate(List.copyOf(paths), ngram, minWords);
    }
}

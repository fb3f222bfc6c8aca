package dev.exemplar.dedup;

import dev.exemplar.doc.Document;
import dev.exemplar.embed.Embedder;
import dev.exemplar.text.Counts;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Semantic near duplicates: MiniLM sentence embeddings (computed once per document through
 * {@link Embedder#ensure}, so filters and dedup share them) compared by cosine similarity.
 *
 * <p>No all-pairs comparison: random-hyperplane LSH puts each unit vector in {@code tables}
 * buckets keyed by {@value #BITS} sign bits. A pair at angle θ agrees on a bit with probability
 * 1 − θ/π; the number of tables is chosen so a pair exactly at the threshold shares a bucket with
 * probability ≥ 0.98. Candidates are verified with the exact cosine against the kept document's
 * vector, read back from a {@link SpillStore} on disk.
 */
public final class SemanticStage extends SketchStage<SemanticStage.Sketch> {
    static final int BITS = 16;
    private static final double TARGET_RECALL = 0.98;

    /** The unit embedding and its bucket key in every table. */
    public record Sketch(float[] vector, long[] keys) {}

    private final double threshold;
    private final Embedder embedder;
    private final float[][] planes;
    private final int tables;
    private final LongIntMultiMap index = new LongIntMultiMap(1 << 14);
    private final IdList ids = new IdList();
    private final SpillStore vectors;

    public SemanticStage(double threshold, Embedder embedder, Path spillDir) {
        this.threshold = threshold;
        this.embedder = embedder;
        this.tables = tablesFor(threshold);
        int dim = embedder.embed("dimension probe").length;
        // Seeded Gaussian hyperplanes: the same buckets on every run, so results are reproducible.
        SplittableRandom rnd = new SplittableRandom(0x5EED_5E4AL);
        planes = new float[tables * BITS][dim];
        for (float[] p : planes) for (int i = 0; i < dim; i++) p[i] = (float) gaussian(rnd);
        this.vectors = new SpillStore(spillDir, "exemplar-semantic-");
    }

    /** Tables needed so a pair at cosine {@code threshold} shares a bucket with probability ≥ 0.98. */
    static int tablesFor(double threshold) {
        double pBit = 1 - Math.acos(Math.min(1, threshold)) / Math.PI;
        double pTable = Math.pow(pBit, BITS);
        return (int) Math.min(64, Math.max(1, Math.ceil(Math.log(1 - TARGET_RECALL) / Math.log1p(-pTable))));
    }

    @Override
    public String name() { return "semantic"; }

    @Override
    public void prepareBatch(List<Document> batch) {
        embedder.ensure(batch);
    }

    @Override
    public Sketch sketch(Document doc) {
        if (doc.embedding() == null) embedder.ensure(List.of(doc));
        float[] v = doc.embedding();
        long[] keys = new long[tables];
        for (int t = 0; t < tables; t++) {
            long bits = 0;
            for (int b = 0; b < BITS; b++) {
                if (Embedder.dot(planes[t * BITS + b], v) >= 0) bits |= 1L << b;
            }
            keys[t] = ((long) t << 32) | bits;
        }
        return new Sketch(v, keys);
    }

    @Override
    public Optional<Duplicate> find(Document doc, Sketch s) {
        Candidates cands = new Candidates();
        for (long key : s.keys()) {
            index.forEach(key, c -> {
                cands.add(c);
                return true;
            });
        }
        int best = -1;
        double bestCos = -2;
        for (int c : cands.ranked(NearStage.MAX_CHECKS)) {
            double cos = Embedder.dot(s.vector(), toFloats(vectors.get(c)));
            if (cos >= threshold && cos > bestCos) {
                best = c;
                bestCos = cos;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(new Duplicate(ids.get(best), name(), bestCos));
    }

    @Override
    public void add(Document doc, Sketch s) {
        int n = ids.add(doc.id());
        int[] bits = new int[s.vector().length];
        for (int i = 0; i < bits.length; i++) bits[i] = Float.floatToRawIntBits(s.vector()[i]);
        vectors.add(bits);
        for (long key : s.keys()) index.put(key, n);
    }

    private static float[] toFloats(int[] bits) {
        float[] v = new float[bits.length];
        for (int i = 0; i < v.length; i++) v[i] = Float.intBitsToFloat(bits[i]);
        return v;
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "semantic: %s, %s x %s, cosine >= %.2f",
                Counts.of(ids.size(), "doc"), Counts.of(tables, "table"), Counts.of(BITS, "bit"), threshold);
    }

    @Override
    public void close() {
        vectors.close();
    }
}

package dev.exemplar.dedup;

import dev.exemplar.doc.Document;
import dev.exemplar.embed.Embedder;
import dev.exemplar.embed.TextEmbedder;
import dev.exemplar.text.Counts;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Semantic near duplicates: sentence embeddings of one tier (static or MiniLM; computed once per
 * document through {@link TextEmbedder#ensure}, so filters and dedup share them) compared by
 * cosine similarity.
 *
 * <p>No all-pairs comparison: a {@link HyperplaneIndex} puts each unit vector in {@code tables}
 * buckets keyed by {@value #BITS} sign bits; the number of tables is chosen so a pair exactly at
 * the threshold shares a bucket with probability ≥ 0.98. Bucket members are screened by the
 * Hamming distance of their whole signatures (kept in memory), and the survivors, nearest
 * first, are verified with the exact cosine against the kept document's vector, read back from
 * a {@link SpillStore} on disk.
 */
public final class SemanticStage extends SketchStage<SemanticStage.Sketch> {
    static final int BITS = 16;
    private static final double TARGET_RECALL = 0.98;

    /** The unit embedding and its hyperplane signature. */
    public record Sketch(float[] vector, long[] signature) {}

    private final double threshold;
    private final TextEmbedder embedder;
    private final HyperplaneIndex index;
    private final int maxDifferent;
    private final IdList ids = new IdList();
    private final SpillStore vectors;

    public SemanticStage(double threshold, TextEmbedder embedder, Path spillDir) {
        this.threshold = threshold;
        this.embedder = embedder;
        int dim = embedder.embed("dimension probe").length;
        // Seeded hyperplanes: the same buckets on every run, so results are reproducible.
        this.index = new HyperplaneIndex(dim, tablesFor(threshold), BITS, 0x5EED_5E4AL);
        this.maxDifferent = index.maxDifferent(threshold);
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
        if (doc.embedding(embedder.tier()) == null) embedder.ensure(List.of(doc));
        float[] v = doc.embedding(embedder.tier());
        return new Sketch(v, index.signature(v));
    }

    /** The sketch's bucket in every LSH table, {@code table << 32 | key}, for engines that group buckets themselves (Spark). */
    public long[] bucketKeys(Sketch s) {
        return index.keys(s.signature());
    }

    @Override
    public Optional<Duplicate> find(Document doc, Sketch s) {
        int best = -1;
        double bestCos = -2;
        for (int c : index.near(s.signature(), maxDifferent, NearStage.MAX_CHECKS)) {
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
        ids.add(doc.id());
        int[] bits = new int[s.vector().length];
        for (int i = 0; i < bits.length; i++) bits[i] = Float.floatToRawIntBits(s.vector()[i]);
        vectors.add(bits);
        index.add(s.signature());
    }

    private static float[] toFloats(int[] bits) {
        float[] v = new float[bits.length];
        for (int i = 0; i < v.length; i++) v[i] = Float.intBitsToFloat(bits[i]);
        return v;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "semantic (%s embeddings): %s, %s x %s, cosine >= %.2f, %d MiB of signatures and buckets",
                embedder.tier().id(), Counts.of(ids.size(), "doc"), Counts.of(index.tables(), "table"), Counts.of(BITS, "bit"),
                threshold, index.bytes() >> 20);
    }

    @Override
    public void close() {
        vectors.close();
    }
}

package dev.exemplar.dedup;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random-hyperplane LSH over unit vectors for near-neighbour search at a high cosine. A vector's
 * signature is its side of {@code tables * bits} seeded Gaussian hyperplanes; each table buckets
 * documents by its {@code bits} of the signature. Every indexed signature is kept in memory (a
 * few dozen bytes a document), so a bucket's members are screened by the Hamming distance of the
 * whole signature, an estimate of their angle, before any exact check: large buckets cost a
 * popcount per member, not a disk read.
 *
 * <p>A pair at angle θ agrees on a bit with probability 1 − θ/π, so the number of differing bits
 * of a pair at the threshold is binomial; {@link #maxDifferent} allows three standard deviations
 * above its mean, which keeps all but about one pair in 700 at the threshold.
 */
final class HyperplaneIndex {
    private final int dim, tables, bits, words;
    private final float[][] planes;
    /** Members of each bucket, {@code table << bits | key}, as growing int arrays. */
    private final int[][] buckets;
    private final int[] fill;
    private long[] signatures = new long[1 << 12];
    private int size;
    /** Marks documents already seen while collecting one query's candidates. */
    private int[] seen = new int[1 << 10];
    private int query;

    HyperplaneIndex(int dim, int tables, int bits, long seed) {
        if (bits < 1 || bits > 24 || tables < 1 || tables * bits > 64 * 64) throw new IllegalArgumentException("bad LSH shape");
        this.dim = dim;
        this.tables = tables;
        this.bits = bits;
        this.words = (tables * bits + 63) / 64;
        SplittableRandom rnd = new SplittableRandom(seed);
        planes = new float[tables * bits][dim];
        for (float[] p : planes) for (int i = 0; i < dim; i++) p[i] = (float) gaussian(rnd);
        buckets = new int[tables << bits][];
        fill = new int[tables << bits];
    }

    int tables() { return tables; }
    int bits() { return bits; }
    int size() { return size; }

    /** The side of every hyperplane, bit {@code i} of the signature for plane {@code i}. */
    long[] signature(float[] v) {
        if (v.length != dim) throw new IllegalArgumentException("vector of " + v.length + " dimensions, index of " + dim);
        long[] sig = new long[words];
        for (int i = 0; i < planes.length; i++) {
            float[] p = planes[i];
            float s = 0;
            for (int k = 0; k < dim; k++) s += p[k] * v[k];
            if (s >= 0) sig[i >>> 6] |= 1L << (i & 63);
        }
        return sig;
    }

    /** Adds a document (numbered 0, 1, 2, ... in the order added) with its signature. */
    int add(long[] sig) {
        int doc = size++;
        if ((long) size * words > signatures.length) signatures = Arrays.copyOf(signatures, Math.max(signatures.length * 2, size * words));
        System.arraycopy(sig, 0, signatures, doc * words, words);
        for (int t = 0; t < tables; t++) {
            int b = bucket(sig, t);
            int[] m = buckets[b];
            if (m == null) m = buckets[b] = new int[4];
            else if (fill[b] == m.length) m = buckets[b] = Arrays.copyOf(m, m.length * 2);
            m[fill[b]++] = doc;
        }
        return doc;
    }

    /**
     * Documents sharing a bucket with {@code sig} whose signatures differ in at most
     * {@code maxDifferent} bits, fewest first (ties: earliest first), at most {@code limit}.
     */
    int[] near(long[] sig, int maxDifferent, int limit) {
        if (seen.length < size) seen = Arrays.copyOf(seen, Math.max(size, seen.length * 2));
        if (++query == 0) {
            Arrays.fill(seen, 0);
            query = 1;
        }
        long[] found = new long[16];
        int n = 0;
        for (int t = 0; t < tables; t++) {
            int b = bucket(sig, t);
            int[] m = buckets[b];
            for (int i = 0, f = fill[b]; i < f; i++) {
                int doc = m[i];
                if (seen[doc] == query) continue;
                seen[doc] = query;
                int d = different(sig, doc);
                if (d > maxDifferent) continue;
                if (n == found.length) found = Arrays.copyOf(found, n * 2);
                found[n++] = ((long) d << 32) | doc;
            }
        }
        Arrays.sort(found, 0, n);
        int[] out = new int[Math.min(n, limit)];
        for (int i = 0; i < out.length; i++) out[i] = (int) found[i];
        return out;
    }

    /** Bits that differ between a signature and an indexed document's. */
    private int different(long[] sig, int doc) {
        int d = 0, off = doc * words;
        for (int w = 0; w < words; w++) d += Long.bitCount(sig[w] ^ signatures[off + w]);
        return d;
    }

    /** The signature's bucket in every table, {@code table << 32 | key}: for engines that group buckets themselves (Spark). */
    long[] keys(long[] sig) {
        long[] out = new long[tables];
        for (int t = 0; t < tables; t++) out[t] = (long) t << 32 | (bucket(sig, t) & ((1 << bits) - 1));
        return out;
    }

    private int bucket(long[] sig, int table) {
        int from = table * bits, key = 0;
        for (int i = 0; i < bits; i++) {
            int bit = from + i;
            if ((sig[bit >>> 6] >>> (bit & 63) & 1) != 0) key |= 1 << i;
        }
        return table << this.bits | key;
    }

    /** The most differing bits a pair at cosine {@code threshold} shows, three standard deviations up. */
    int maxDifferent(double threshold) {
        int n = tables * bits;
        double p = Math.acos(Math.max(-1, Math.min(1, threshold))) / Math.PI;
        return (int) Math.floor(n * p + 3 * Math.sqrt(n * p * (1 - p)));
    }

    /** Heap bytes held: planes, bucket arrays and signatures. */
    long bytes() {
        long b = (long) planes.length * dim * 4 + (long) buckets.length * 8 + fill.length * 4L + signatures.length * 8L + seen.length * 4L;
        for (int[] m : buckets) if (m != null) b += 16 + 4L * m.length;
        return b;
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}

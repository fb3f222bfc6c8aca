package dev.exemplar.dedup;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The project's one MinHash: signatures of a set of 64-bit element hashes (word n-gram hashes),
 * and LSH band keys from them. Used by dedup's near stage and by the audit's near-duplicate count.
 *
 * <p>One-permutation hashing with densification (Li, Owen and Zhang 2012; Shrivastava 2017):
 * each element goes to one of {@code components} bins by its hash, and a bin keeps the smallest
 * value it receives, so a document costs one pass over its elements instead of one hash per
 * element and component (or SuperMinHash's several pseudo-random draws per element): about five
 * times cheaper than hash4j's SuperMinHash at 126 components. An empty bin borrows the value
 * of the first non-empty bin on a fixed walk over the bins that depends only on the bin, never on
 * the data. Because the walk is the same for every document, two documents' components agree
 * with probability equal to their Jaccard similarity, as in classic MinHash: the chosen element
 * is, by symmetry, a uniform draw from the union of the two sets.
 */
public final class MinHash {
    /** The value of a component of a signature over no elements. */
    public static final long EMPTY = Long.MAX_VALUE;
    private static final long SEED = 0x5DEECE66DL;

    private final int components;
    /** Per bin, where its walk starts and its step (coprime with the number of bins, so the walk visits every bin). */
    private final int[] walkStart;
    private final int[] walkStep;

    public MinHash(int components) {
        if (components < 1) throw new IllegalArgumentException("components must be positive");
        this.components = components;
        walkStart = new int[components];
        walkStep = new int[components];
        SplittableRandom r = new SplittableRandom(SEED);
        for (int i = 0; i < components; i++) {
            walkStart[i] = r.nextInt(components);
            int step;
            do {
                step = components == 1 ? 1 : 1 + r.nextInt(components - 1);
            } while (gcd(step, components) != 1);
            walkStep[i] = step;
        }
    }

    public int components() { return components; }

    /**
     * The signature of a set given by its elements' 64-bit hashes (repeats are harmless); every
     * component is {@link #EMPTY} when there are no elements. The hashes must already be well
     * mixed (komihash, fmix64), since their bits choose the bin directly.
     */
    public long[] signature(long[] hashes) {
        long[] sig = new long[components];
        Arrays.fill(sig, EMPTY);
        if (hashes.length == 0) return sig;
        long m = components;
        for (long h : hashes) {
            // The bin from the upper 32 bits (multiply-shift, no modulo); the value from all 64,
            // scrambled by an odd multiplier so that the order within a bin is not the bin's bits.
            int bin = (int) (((h >>> 32) * m) >>> 32);
            long v = (h * 0x9E3779B97F4A7C15L) >>> 1;
            if (v < sig[bin]) sig[bin] = v;
        }
        densify(sig);
        return sig;
    }

    /** Fills each empty bin from the first bin on its walk that received an element. */
    private void densify(long[] sig) {
        int empty = 0;
        for (long v : sig) if (v == EMPTY) empty++;
        if (empty == 0) return;
        // Which bins were filled by elements: borrowed values must never be borrowed again.
        boolean[] filled = new boolean[components];
        for (int i = 0; i < components; i++) filled[i] = sig[i] != EMPTY;
        for (int i = 0; i < components; i++) {
            if (filled[i]) continue;
            int j = walkStart[i];
            int step = walkStep[i];
            while (!filled[j]) {
                j += step;
                if (j >= components) j -= components;
            }
            sig[i] = sig[j];
        }
    }

    /**
     * One 64-bit key per band of {@code rows} consecutive components: two documents share a key
     * when all of the band's components agree (and by chance with odds 2^-64).
     */
    public static long[] bandKeys(long[] sig, int bands, int rows) {
        if (bands * rows > sig.length) throw new IllegalArgumentException("bands x rows exceeds the signature");
        long[] keys = new long[bands];
        for (int b = 0; b < bands; b++) keys[b] = bandKey(sig, b, rows);
        return keys;
    }

    /** The key of band {@code band} (components {@code band * rows} to {@code band * rows + rows - 1}). */
    public static long bandKey(long[] sig, int band, int rows) {
        long h = band;
        for (int r = 0, c = band * rows; r < rows; r++, c++) h = h * 0x9E3779B97F4A7C15L + sig[c];
        return fmix64(h);
    }

    /** The share of components on which two signatures agree: an estimate of their Jaccard similarity. */
    public static double agreement(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) if (a[i] == b[i]) same++;
        return (double) same / a.length;
    }

    /** Whether two signatures agree on at least {@code threshold} of their components; stops as soon as they cannot. */
    public static boolean agreeAtLeast(long[] a, long[] b, double threshold) {
        int allowed = a.length - (int) Math.ceil(threshold * a.length);
        int differ = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i] && ++differ > allowed) return false;
        }
        return true;
    }

    /** Murmur3's fmix64. */
    static long fmix64(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}

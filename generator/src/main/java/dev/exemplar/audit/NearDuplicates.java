package dev.exemplar.audit;

import dev.exemplar.plan.Seeds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates how many documents have a near-duplicate: MinHash signatures over word 5-grams,
 * banded LSH for candidates, signature agreement as the Jaccard estimate, and union-find to
 * gather documents into clusters. An audit figure, not the dedup stage: it counts, it never removes.
 */
public final class NearDuplicates {
    public static final int SHINGLE = 5;
    public static final int HASHES = 64;
    private static final int BANDS = 16;
    private static final int ROWS = HASHES / BANDS;
    /** Per bucket, a document is checked against at most this many earlier ones, so templated corpora stay linear. */
    private static final int REPRESENTATIVES = 8;
    private static final long[] SALTS = new long[HASHES];

    static {
        for (int i = 0; i < HASHES; i++) SALTS[i] = Seeds.mix(0x6a09e667f3bcc908L + i) | 1;
    }

    private final double threshold;
    private final List<long[]> signatures = new ArrayList<>();

    /** @param threshold estimated Jaccard similarity at or above which two documents are near-duplicates */
    public NearDuplicates(double threshold) {
        this.threshold = threshold;
    }

    /** Adds the next document by its {@link #signature}. */
    public void add(long[] signature) {
        signatures.add(signature);
    }

    /** The MinHash signature of a document's word 5-gram hashes (empty input for a text without words). */
    public static long[] signature(long[] shingles) {
        long[] sig = new long[HASHES];
        Arrays.fill(sig, Long.MAX_VALUE);
        for (long h : shingles) {
            long x = Seeds.mix(h);
            // One strong hash per shingle, then cheap odd-multiplier permutations of it.
            for (int i = 0; i < HASHES; i++) {
                long v = (x * SALTS[i]) ^ (x >>> 29);
                if (v < sig[i]) sig[i] = v;
            }
        }
        return sig;
    }

    /** Documents that have at least one near-duplicate, and the clusters they form. */
    public record Result(double threshold, long documents, long withDuplicate, long clusters, double rate) {}

    public Result result() {
        int n = signatures.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int b = 0; b < BANDS; b++) {
            Map<Long, int[]> reps = new HashMap<>(n * 2);
            for (int d = 0; d < n; d++) {
                long[] s = signatures.get(d);
                if (s[0] == Long.MAX_VALUE) continue; // a text without words has no shingles
                long key = b;
                for (int r = 0; r < ROWS; r++) key = Seeds.mix(key ^ s[b * ROWS + r]);
                int[] bucket = reps.get(key);
                if (bucket == null) {
                    bucket = new int[REPRESENTATIVES + 1];
                    reps.put(key, bucket);
                }
                boolean joined = false;
                for (int i = 1; i <= bucket[0] && !joined; i++) {
                    int other = bucket[i];
                    if (find(parent, other) == find(parent, d)) joined = true;
                    else if (similar(signatures.get(other), s, threshold)) {
                        union(parent, other, d);
                        joined = true;
                    }
                }
                if (!joined && bucket[0] < REPRESENTATIVES) bucket[++bucket[0]] = d;
            }
        }
        int[] size = new int[n];
        for (int i = 0; i < n; i++) size[find(parent, i)]++;
        long with = 0, clusters = 0;
        for (int i = 0; i < n; i++) {
            if (size[find(parent, i)] > 1) with++;
            if (size[i] > 1) clusters++;
        }
        return new Result(threshold, n, with, clusters, n == 0 ? 0 : (double) with / n);
    }

    private static int find(int[] p, int x) {
        while (p[x] != x) {
            p[x] = p[p[x]];
            x = p[x];
        }
        return x;
    }

    private static void union(int[] p, int a, int b) {
        int ra = find(p, a), rb = find(p, b);
        if (ra != rb) p[Math.max(ra, rb)] = Math.min(ra, rb);
    }

    /** Whether the signatures agree in at least {@code threshold} of positions; stops once they cannot. */
    static boolean similar(long[] a, long[] b, double threshold) {
        int allowed = a.length - (int) Math.ceil(threshold * a.length);
        int differ = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i] && ++differ > allowed) return false;
        }
        return true;
    }

    static double similarity(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) if (a[i] == b[i]) same++;
        return (double) same / a.length;
    }
}

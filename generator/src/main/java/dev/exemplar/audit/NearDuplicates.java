package dev.exemplar.audit;

import dev.exemplar.dedup.MinHash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates how many documents have a near-duplicate: MinHash signatures over word 5-grams,
 * banded LSH for candidates, signature agreement as the Jaccard estimate, and union-find to
 * gather documents into clusters. An audit figure, not the dedup stage: it counts, it never
 * removes, and it keeps small signatures in memory instead of verifying against shingle sets.
 * The signatures and band keys are dedup's {@link MinHash}, the one MinHash of the project.
 */
public final class NearDuplicates {
    public static final int SHINGLE = 5;
    public static final int HASHES = 64;
    private static final int BANDS = 16;
    private static final int ROWS = HASHES / BANDS;
    /** Per bucket, a document is checked against at most this many earlier ones, so templated corpora stay linear. */
    private static final int REPRESENTATIVES = 8;
    private static final MinHash MIN_HASH = new MinHash(HASHES);

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

    /** The MinHash signature of a document's word 5-gram hashes (every component {@link MinHash#EMPTY} for a text without words). */
    public static long[] signature(long[] shingles) {
        return MIN_HASH.signature(shingles);
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
                if (s[0] == MinHash.EMPTY) continue; // a text without words has no shingles
                long key = MinHash.bandKey(s, b, ROWS);
                int[] bucket = reps.get(key);
                if (bucket == null) {
                    bucket = new int[REPRESENTATIVES + 1];
                    reps.put(key, bucket);
                }
                boolean joined = false;
                for (int i = 1; i <= bucket[0] && !joined; i++) {
                    int other = bucket[i];
                    if (find(parent, other) == find(parent, d)) joined = true;
                    else if (MinHash.agreeAtLeast(signatures.get(other), s, threshold)) {
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
}

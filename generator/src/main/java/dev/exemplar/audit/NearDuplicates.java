package dev.exemplar.audit;

import dev.exemplar.plan.Seeds;
import dev.exemplar.text.Shingles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates how many documents have a near-duplicate: MinHash signatures over word 5-grams,
 * banded LSH to find candidate pairs, then the signatures' agreement as the Jaccard estimate.
 * An audit figure, not the dedup stage: it only counts, it never removes.
 */
public final class NearDuplicates {
    public static final int SHINGLE = 5;
    public static final int HASHES = 64;
    private static final int BANDS = 16;
    private static final int ROWS = HASHES / BANDS;
    private static final long[] SALTS = new long[HASHES];

    static {
        for (int i = 0; i < HASHES; i++) SALTS[i] = Seeds.mix(0x6a09e667f3bcc908L + i);
    }

    private final double threshold;
    private final List<long[]> signatures = new ArrayList<>();

    /** @param threshold estimated Jaccard similarity at or above which two documents are near-duplicates */
    public NearDuplicates(double threshold) {
        this.threshold = threshold;
    }

    /** Adds the normalised text of the next document. */
    public void add(String normalized) {
        long[] sh = Shingles.hashes(normalized, SHINGLE);
        long[] sig = new long[HASHES];
        Arrays.fill(sig, Long.MAX_VALUE);
        for (long h : sh) {
            for (int i = 0; i < HASHES; i++) {
                long v = Seeds.mix(h ^ SALTS[i]);
                if (v < sig[i]) sig[i] = v;
            }
        }
        signatures.add(sig);
    }

    /** Result: documents with at least one near-duplicate, and the pairs found. */
    public record Result(double threshold, long documents, long withDuplicate, long pairs, double rate) {}

    public Result result() {
        int n = signatures.size();
        boolean[] dup = new boolean[n];
        long pairs = 0;
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int b = 0; b < BANDS; b++) {
            Map<Long, List<Integer>> buckets = new HashMap<>();
            for (int d = 0; d < n; d++) {
                long[] s = signatures.get(d);
                if (s[0] == Long.MAX_VALUE) continue; // an empty text has no shingles
                long key = b;
                for (int r = 0; r < ROWS; r++) key = Seeds.mix(key ^ s[b * ROWS + r]);
                buckets.computeIfAbsent(key, k -> new ArrayList<>(2)).add(d);
            }
            for (List<Integer> bucket : buckets.values()) {
                for (int i = 0; i < bucket.size(); i++) {
                    for (int j = i + 1; j < bucket.size(); j++) {
                        int x = bucket.get(i), y = bucket.get(j);
                        if (!seen.add(((long) x << 32) | y)) continue;
                        if (similarity(signatures.get(x), signatures.get(y)) >= threshold) {
                            pairs++;
                            dup[x] = true;
                            dup[y] = true;
                        }
                    }
                }
            }
        }
        long with = 0;
        for (boolean d : dup) if (d) with++;
        return new Result(threshold, n, with, pairs, n == 0 ? 0 : (double) with / n);
    }

    static double similarity(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) if (a[i] == b[i]) same++;
        return (double) same / a.length;
    }
}

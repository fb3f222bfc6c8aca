package dev.exemplar.dedup;

import java.util.Arrays;

/** Document numbers collected from LSH buckets, with how many buckets each one shared. */
final class Candidates {
    private int[] values = new int[8];
    private int size;

    void add(int v) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = v;
    }

    boolean isEmpty() { return size == 0; }

    /**
     * Distinct candidates, those sharing the most buckets first (ties: earliest document first),
     * at most {@code limit} of them: the pairs most likely to be duplicates are checked first.
     */
    int[] ranked(int limit) {
        if (size == 0) return new int[0];
        int[] v = Arrays.copyOf(values, size);
        Arrays.sort(v);
        // Pack (count, doc) into longs so one sort orders by count descending, then doc ascending.
        long[] packed = new long[v.length];
        int k = 0;
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j < v.length && v[j] == v[i]) j++;
            packed[k++] = ((long) (Integer.MAX_VALUE - (j - i)) << 32) | v[i];
            i = j;
        }
        Arrays.sort(packed, 0, k);
        int n = Math.min(k, limit);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = (int) packed[i];
        return out;
    }
}

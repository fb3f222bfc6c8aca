package dev.exemplar.filter;

/**
 * Counts per 64-bit key in open-addressing arrays: no boxing, so counting every n-gram of a
 * document costs a few nanoseconds per n-gram. Key 0 is remapped, never stored.
 */
final class LongCounts {
    private long[] keys;
    private int[] counts;
    /** The occupied slots in insertion order, so clearing costs the number of keys, not the capacity. */
    private int[] used;
    private int size;

    LongCounts(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        counts = new int[cap];
        used = new int[cap];
    }

    int size() { return size; }

    /** Adds one to {@code key} and returns the new count. */
    int increment(long key) {
        return add(key, 1);
    }

    int add(long key, int delta) {
        if (key == 0) key = 0x9E3779B97F4A7C15L;
        if (size * 4 >= keys.length * 3) grow();
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != 0 && keys[i] != key) i = (i + 1) & mask;
        if (keys[i] == 0) {
            keys[i] = key;
            used[size++] = i;
        }
        return counts[i] += delta;
    }

    int get(long key) {
        if (key == 0) key = 0x9E3779B97F4A7C15L;
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) return counts[i];
            i = (i + 1) & mask;
        }
        return 0;
    }

    /** The largest count. */
    int max() {
        int m = 0;
        for (int c : counts) m = Math.max(m, c);
        return m;
    }

    /** The key with the largest count (0 when empty). */
    long argMax() {
        int best = -1;
        for (int i = 0; i < keys.length; i++) if (keys[i] != 0 && (best < 0 || counts[i] > counts[best])) best = i;
        return best < 0 ? 0 : keys[best];
    }

    /** Drops every key whose count is at most {@code threshold}; keeps memory bounded on long scans. */
    void prune(int threshold) {
        long[] oldK = keys;
        int[] oldC = counts;
        keys = new long[oldK.length];
        counts = new int[oldC.length];
        used = new int[oldK.length];
        size = 0;
        for (int i = 0; i < oldK.length; i++) if (oldK[i] != 0 && oldC[i] > threshold) add(oldK[i], oldC[i]);
    }

    void clear() {
        for (int j = 0; j < size; j++) {
            keys[used[j]] = 0;
            counts[used[j]] = 0;
        }
        size = 0;
    }

    private void grow() {
        long[] oldK = keys;
        int[] oldC = counts;
        keys = new long[oldK.length * 2];
        counts = new int[oldC.length * 2];
        used = new int[oldK.length * 2];
        size = 0;
        for (int i = 0; i < oldK.length; i++) if (oldK[i] != 0) add(oldK[i], oldC[i]);
    }

    /** Fibonacci hashing: keys are already 64-bit hashes, so one multiply spreads them enough. */
    private static int mix(long k) {
        return (int) ((k * 0x9E3779B97F4A7C15L) >>> 32);
    }
}

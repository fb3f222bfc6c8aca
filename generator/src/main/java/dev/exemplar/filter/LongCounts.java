package dev.exemplar.filter;

/**
 * Counts per 64-bit key in one open-addressing array: no boxing, and each key sits next to its
 * count, so an increment touches one cache line (what matters once the table outgrows the
 * CPU caches, as the corpus-wide n-gram counts do). Key 0 is remapped, never stored.
 */
final class LongCounts implements java.io.Serializable {
    /** Slot i holds its key at 2i and its count at 2i+1. */
    private long[] slots;
    /** The occupied slots in insertion order, so clearing costs the number of keys, not the capacity. */
    private int[] used;
    private int size;

    LongCounts(int expected) {
        allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
    }

    private void allocate(int capacity) {
        slots = new long[capacity * 2];
        used = new int[capacity];
        size = 0;
    }

    int size() { return size; }

    /** Adds one to {@code key} and returns the new count. */
    int increment(long key) {
        return add(key, 1);
    }

    int add(long key, int delta) {
        if (key == 0) key = 0x9E3779B97F4A7C15L;
        if (size * 4 >= used.length * 3) grow();
        long[] s = slots;
        int mask = used.length - 1;
        int i = mix(key) & mask;
        long k;
        while ((k = s[2 * i]) != 0 && k != key) i = (i + 1) & mask;
        if (k == 0) {
            s[2 * i] = key;
            used[size++] = i;
        }
        return (int) (s[2 * i + 1] += delta);
    }

    /**
     * Adds one to each of {@code keys[0..n)} and writes the new counts to {@code out}. It first
     * touches every key's slot, loads that do not depend on each other, so the CPU overlaps
     * their cache misses instead of paying them one after another; the increments then hit the
     * cache. On a table far larger than the caches this is several times faster than a loop of
     * {@link #increment}.
     */
    void incrementAll(long[] keys, int n, int[] out) {
        if ((size + n) * 4 >= used.length * 3) {
            for (int j = 0; j < n; j++) out[j] = increment(keys[j]);
            return;
        }
        long[] s = slots;
        int mask = used.length - 1;
        long touched = 0;
        for (int j = 0; j < n; j++) touched += s[2 * (mix(keys[j] == 0 ? 0x9E3779B97F4A7C15L : keys[j]) & mask)];
        sink = touched; // keeps the loads from being optimised away
        for (int j = 0; j < n; j++) out[j] = increment(keys[j]);
    }

    /** Written by {@link #incrementAll} so its touching loads have a use. */
    private static volatile long sink;

    int get(long key) {
        if (key == 0) key = 0x9E3779B97F4A7C15L;
        long[] s = slots;
        int mask = used.length - 1;
        for (int i = mix(key) & mask; s[2 * i] != 0; i = (i + 1) & mask) {
            if (s[2 * i] == key) return (int) s[2 * i + 1];
        }
        return 0;
    }

    /** Drops every key whose count is at most {@code threshold}; keeps memory bounded on long scans. */
    void prune(int threshold) {
        long[] old = slots;
        allocate(used.length);
        for (int i = 0; i < old.length; i += 2) if (old[i] != 0 && old[i + 1] > threshold) add(old[i], (int) old[i + 1]);
    }

    /** Adds every count of {@code other} to this table (merging the counts of two shards). */
    void addAll(LongCounts other) {
        for (int j = 0; j < other.size; j++) {
            int i = other.used[j];
            add(other.slots[2 * i], (int) other.slots[2 * i + 1]);
        }
    }

    void clear() {
        for (int j = 0; j < size; j++) {
            slots[2 * used[j]] = 0;
            slots[2 * used[j] + 1] = 0;
        }
        size = 0;
    }

    private void grow() {
        long[] old = slots;
        allocate(used.length * 2);
        for (int i = 0; i < old.length; i += 2) if (old[i] != 0) add(old[i], (int) old[i + 1]);
    }

    /** Fibonacci hashing: keys are already 64-bit hashes, so one multiply spreads them enough. */
    private static int mix(long k) {
        return (int) ((k * 0x9E3779B97F4A7C15L) >>> 32);
    }
}

package dev.exemplar.dedup;

import java.util.function.IntPredicate;

/**
 * An open-addressing multimap from 64-bit keys to non-negative ints (document numbers), with
 * linear probing and no boxing: 12 bytes a slot, so tens of millions of band keys fit in a
 * small heap. A key may hold several values; they come back in insertion order.
 */
final class LongIntMultiMap implements java.io.Serializable {
    private static final double LOAD = 0.7;
    private long[] keys;
    private int[] values;
    private int mask;
    private int size;

    LongIntMultiMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, (int) (expected / LOAD)) - 1) << 1;
        allocate(cap);
    }

    int size() { return size; }

    /** Heap bytes held by the table. */
    long bytes() { return 12L * keys.length; }

    void put(long key, int value) {
        if (value < 0) throw new IllegalArgumentException("values must not be negative");
        if (size + 1 > keys.length * LOAD) grow();
        insert(key, value);
        size++;
    }

    /** The first value stored under {@code key}, or -1. */
    int first(long key) {
        for (int i = slot(key); values[i] >= 0; i = (i + 1) & mask) {
            if (keys[i] == key) return values[i];
        }
        return -1;
    }

    /** Calls {@code visitor} for each value under {@code key} until it returns false. */
    void forEach(long key, IntPredicate visitor) {
        for (int i = slot(key); values[i] >= 0; i = (i + 1) & mask) {
            if (keys[i] == key && !visitor.test(values[i])) return;
        }
    }

    private void insert(long key, int value) {
        int i = slot(key);
        while (values[i] >= 0) i = (i + 1) & mask;
        keys[i] = key;
        values[i] = value;
    }

    private int slot(long key) {
        // Keys are already hashes, but a final mix guards against keys that differ only in high bits.
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }

    private void allocate(int cap) {
        keys = new long[cap];
        values = new int[cap];
        java.util.Arrays.fill(values, -1);
        mask = cap - 1;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(keys.length * 2);
        // Re-inserting in slot order keeps the relative order of equal keys (first value first).
        int start = 0;
        while (start < oldValues.length && oldValues[start] >= 0) start++;
        for (int n = 0; n < oldValues.length; n++) {
            int i = (start + n) % oldValues.length;
            if (oldValues[i] >= 0) insert(oldKeys[i], oldValues[i]);
        }
    }
}

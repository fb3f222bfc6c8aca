package dev.exemplar.export;

import java.util.function.Function;

/**
 * Token ids of text chunks, looked up by a range of a longer string without copying it (open
 * addressing, linear probing, the full hash kept beside each key so most mismatches cost no
 * pointer chase). One per thread. The table starts small and doubles when half full, so a
 * corpus with a small vocabulary keeps it in the CPU caches; at {@code maxSlotsLog2} it is
 * emptied instead, which bounds its memory whatever the corpus.
 */
final class ChunkCache {
    private final int maxSlots;
    private String[] keys;
    private int[][] values;
    private int[] hashes;
    private int mask;
    private int size;

    ChunkCache(int maxSlotsLog2) {
        maxSlots = 1 << maxSlotsLog2;
        allocate(Math.min(maxSlots, 1 << 14));
    }

    private void allocate(int slots) {
        keys = new String[slots];
        values = new int[slots][];
        hashes = new int[slots];
        mask = slots - 1;
        size = 0;
    }

    /**
     * The ids of {@code text[start, end)}, from the cache or from {@code encode} on a miss;
     * {@code h} is the range's {@link String#hashCode}, which the caller computes while scanning.
     */
    int[] get(String text, int start, int end, int h, Function<String, int[]> encode) {
        int len = end - start;
        for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
            String k = keys[slot];
            if (k == null) break;
            if (hashes[slot] == h && k.length() == len && k.regionMatches(0, text, start, len)) return values[slot];
        }
        String chunk = text.substring(start, end);
        int[] ids = encode.apply(chunk);
        if (size >= keys.length / 2) {
            if (keys.length < maxSlots) grow();
            else allocate(keys.length);
        }
        insert(chunk, h, ids);
        return ids;
    }

    private void insert(String key, int h, int[] ids) {
        int slot = mix(h) & mask;
        while (keys[slot] != null) slot = (slot + 1) & mask;
        keys[slot] = key;
        hashes[slot] = h;
        values[slot] = ids;
        size++;
    }

    private void grow() {
        String[] k = keys;
        int[][] v = values;
        int[] hs = hashes;
        allocate(k.length * 2);
        for (int i = 0; i < k.length; i++) if (k[i] != null) insert(k[i], hs[i], v[i]);
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}

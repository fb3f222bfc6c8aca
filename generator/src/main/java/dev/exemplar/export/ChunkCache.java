package dev.exemplar.export;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Token ids of text chunks, looked up by a range of a longer string without copying it (open
 * addressing, linear probing). One per thread. It empties itself when half full, so its memory
 * is bounded by the slot count whatever the corpus.
 */
final class ChunkCache {
    private final String[] keys;
    private final int[][] values;
    private final int mask;
    private final int limit;
    private int size;

    ChunkCache(int slotsLog2) {
        keys = new String[1 << slotsLog2];
        values = new int[1 << slotsLog2][];
        mask = keys.length - 1;
        limit = keys.length / 2;
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
            if (k.length() == len && k.regionMatches(0, text, start, len)) return values[slot];
        }
        String chunk = text.substring(start, end);
        int[] ids = encode.apply(chunk);
        if (size >= limit) {
            Arrays.fill(keys, null);
            Arrays.fill(values, null);
            size = 0;
        }
        int slot = mix(h) & mask;
        while (keys[slot] != null) slot = (slot + 1) & mask;
        keys[slot] = chunk;
        values[slot] = ids;
        size++;
        return ids;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}

package dev.exemplar.dedup;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Document ids by document number, packed as UTF-8 in one growing byte array so that a million
 * ids cost about ten megabytes instead of a million String objects.
 */
final class IdList implements java.io.Serializable {
    private byte[] data = new byte[1 << 16];
    private long[] ends = new long[1 << 10];
    private int size;

    /** Appends an id and returns its number. */
    int add(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        long start = size == 0 ? 0 : ends[size - 1];
        long end = start + b.length;
        if (end > data.length) data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(end, 2L * data.length)));
        System.arraycopy(b, 0, data, (int) start, b.length);
        if (size == ends.length) ends = Arrays.copyOf(ends, size * 2);
        ends[size] = end;
        return size++;
    }

    String get(int n) {
        int start = n == 0 ? 0 : (int) ends[n - 1];
        return new String(data, start, (int) ends[n] - start, StandardCharsets.UTF_8);
    }

    int size() { return size; }

    long bytes() { return data.length + 8L * ends.length; }
}

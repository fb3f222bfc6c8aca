package dev.exemplar.export;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Token ids of text chunks, looked up by a range of a longer string without copying it. Keys and
 * ids live in flat arrays (no object per entry), so a lookup reads a few nearby array slots
 * instead of chasing pointers across the heap; the full hash sits beside each slot so most
 * mismatches are rejected without touching the key. One per thread. The table starts small and
 * doubles when half full; at {@code maxSlotsLog2} it is emptied instead, which bounds its memory.
 */
final class ChunkCache {
    private final int maxSlots;
    private int[] slots;       // entry + 1, or 0 for empty
    private int[] slotHash;
    private int mask;
    private int entries;
    private int[] keyStart = new int[1 << 12], keyLen = new int[1 << 12], idStart = new int[1 << 12], idLen = new int[1 << 12];
    private char[] keys = new char[1 << 16];
    private int keysUsed;
    private int[] ids = new int[1 << 15];
    private int idsUsed;

    /** The output of one encode: {@code buf[0, n)}. */
    static final class Out {
        int[] buf = new int[1024];
        int n;

        void ensure(int more) {
            if (n + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
        }
    }

    ChunkCache(int maxSlotsLog2) {
        maxSlots = 1 << maxSlotsLog2;
        table(Math.min(maxSlots, 1 << 14));
    }

    private void table(int size) {
        slots = new int[size];
        slotHash = new int[size];
        mask = size - 1;
    }

    /**
     * Appends the ids of {@code text[start, end)} to {@code out}, from the cache or from
     * {@code encode} on a miss; {@code h} is the range's {@link String#hashCode}, computed by the
     * caller while scanning.
     */
    void append(String text, int start, int end, int h, Function<String, int[]> encode, Out out) {
        int len = end - start;
        for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
            int e = slots[slot] - 1;
            if (e < 0) break;
            if (slotHash[slot] == h && keyLen[e] == len && same(text, start, keyStart[e], len)) {
                int n = idLen[e];
                out.ensure(n);
                System.arraycopy(ids, idStart[e], out.buf, out.n, n);
                out.n += n;
                return;
            }
        }
        int[] got = encode.apply(text.substring(start, end));
        out.ensure(got.length);
        System.arraycopy(got, 0, out.buf, out.n, got.length);
        out.n += got.length;
        if (entries >= slots.length / 2) {
            if (slots.length < maxSlots) grow();
            else clear();
        }
        add(text, start, len, h, got);
    }

    private boolean same(String text, int start, int at, int len) {
        for (int i = 0; i < len; i++) if (keys[at + i] != text.charAt(start + i)) return false;
        return true;
    }

    private void add(String text, int start, int len, int h, int[] got) {
        int e = entries++;
        if (e == keyStart.length) {
            keyStart = Arrays.copyOf(keyStart, e * 2);
            keyLen = Arrays.copyOf(keyLen, e * 2);
            idStart = Arrays.copyOf(idStart, e * 2);
            idLen = Arrays.copyOf(idLen, e * 2);
        }
        if (keysUsed + len > keys.length) keys = Arrays.copyOf(keys, Math.max(keys.length * 2, keysUsed + len));
        text.getChars(start, start + len, keys, keysUsed);
        keyStart[e] = keysUsed;
        keyLen[e] = len;
        keysUsed += len;
        if (idsUsed + got.length > ids.length) ids = Arrays.copyOf(ids, Math.max(ids.length * 2, idsUsed + got.length));
        System.arraycopy(got, 0, ids, idsUsed, got.length);
        idStart[e] = idsUsed;
        idLen[e] = got.length;
        idsUsed += got.length;
        place(e, h);
    }

    private void place(int e, int h) {
        int slot = mix(h) & mask;
        while (slots[slot] != 0) slot = (slot + 1) & mask;
        slots[slot] = e + 1;
        slotHash[slot] = h;
    }

    private void grow() {
        int[] oldSlots = slots, oldHash = slotHash;
        table(oldSlots.length * 2);
        for (int i = 0; i < oldSlots.length; i++) if (oldSlots[i] != 0) place(oldSlots[i] - 1, oldHash[i]);
    }

    private void clear() {
        Arrays.fill(slots, 0);
        entries = 0;
        keysUsed = 0;
        idsUsed = 0;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}

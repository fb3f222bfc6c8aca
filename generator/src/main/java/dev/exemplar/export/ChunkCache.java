package dev.exemplar.export;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Token ids of text chunks, looked up by a range of a character array without copying it. Each
 * slot of the open-addressing table is four ints side by side (hash, where the key starts, key and
 * id lengths, where the ids start, or the id itself when there is one), so a hit reads one slot,
 * the key's characters and at most one more array: a lookup touches a few cache lines instead of
 * chasing pointers across the heap. One per thread. The table starts small and doubles when half
 * full; at {@code maxSlotsLog2} it is emptied instead, which bounds its memory.
 */
final class ChunkCache {
    private static final int HASH = 0, KEY = 1, LENGTHS = 2, IDS = 3, WIDTH = 4;

    private final int maxSlots;
    /** Slot s is {@code table[4s, 4s+4)}: hash, keyStart + 1 (0 when empty), keyLen << 16 | idLen, idStart or the only id. */
    private int[] table;
    private int mask;
    private int entries;
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

        void add(int[] got) {
            ensure(got.length);
            System.arraycopy(got, 0, buf, n, got.length);
            n += got.length;
        }
    }

    ChunkCache(int maxSlotsLog2) {
        maxSlots = 1 << maxSlotsLog2;
        table(Math.min(maxSlots, 1 << 14));
    }

    private void table(int size) {
        table = new int[size * WIDTH];
        mask = size - 1;
    }

    private int slots() {
        return mask + 1;
    }

    /**
     * Appends the ids of {@code text[start, end)} to {@code out}, from the cache or from
     * {@code encode} on a miss; {@code h} is the range's hash ({@link String#hashCode} of it),
     * computed by the caller while scanning. Keys are at most 65,535 characters.
     */
    void append(char[] text, int start, int end, int h, Function<String, int[]> encode, Out out) {
        int len = end - start;
        for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
            int at = slot * WIDTH;
            int key = table[at + KEY] - 1;
            if (key < 0) break;
            int lengths = table[at + LENGTHS];
            if (table[at + HASH] == h && lengths >>> 16 == len && Arrays.equals(keys, key, key + len, text, start, end)) {
                int n = lengths & 0xFFFF;
                out.ensure(n);
                if (n == 1) out.buf[out.n] = table[at + IDS];
                else System.arraycopy(ids, table[at + IDS], out.buf, out.n, n);
                out.n += n;
                return;
            }
        }
        int[] got = encode.apply(new String(text, start, len));
        out.add(got);
        if (entries >= slots() / 2) {
            if (slots() < maxSlots) grow();
            else clear();
        }
        add(text, start, len, h, got);
    }

    private void add(char[] text, int start, int len, int h, int[] got) {
        entries++;
        if (keysUsed + len > keys.length) keys = Arrays.copyOf(keys, Math.max(keys.length * 2, keysUsed + len));
        System.arraycopy(text, start, keys, keysUsed, len);
        int idsAt;
        if (got.length == 1) {
            idsAt = got[0];
        } else {
            if (idsUsed + got.length > ids.length) ids = Arrays.copyOf(ids, Math.max(ids.length * 2, idsUsed + got.length));
            System.arraycopy(got, 0, ids, idsUsed, got.length);
            idsAt = idsUsed;
            idsUsed += got.length;
        }
        place(table, mask, h, keysUsed + 1, len << 16 | got.length, idsAt);
        keysUsed += len;
    }

    private static void place(int[] table, int mask, int h, int key, int lengths, int idsAt) {
        int slot = mix(h) & mask;
        while (table[slot * WIDTH + KEY] != 0) slot = (slot + 1) & mask;
        int at = slot * WIDTH;
        table[at + HASH] = h;
        table[at + KEY] = key;
        table[at + LENGTHS] = lengths;
        table[at + IDS] = idsAt;
    }

    private void grow() {
        int[] old = table;
        table(slots() * 2);
        for (int at = 0; at < old.length; at += WIDTH) {
            if (old[at + KEY] != 0) place(table, mask, old[at + HASH], old[at + KEY], old[at + LENGTHS], old[at + IDS]);
        }
    }

    private void clear() {
        Arrays.fill(table, 0);
        entries = 0;
        keysUsed = 0;
        idsUsed = 0;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}

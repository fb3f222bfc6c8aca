package dev.exemplar.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Which cell each base index of a plan gets: the cells laid out one after another by count, then
 * shuffled by a seed. Up to {@link #EXACT_LIMIT} documents the shuffle is
 * {@code Collections.shuffle} with {@code java.util.Random}, done on a compact array of cell
 * numbers (two bytes a document): the order plans have always had, so existing runs resume and
 * reproduce byte for byte. Larger plans, which that shuffle could not hold in memory, use a keyed
 * pseudo-random permutation computed per index (a Feistel network with cycle walking), so they
 * need no memory per document.
 */
abstract class CellOrder {
    /** Plans up to this size keep the original, materialised shuffle. */
    static final long EXACT_LIMIT = 1L << 26;

    /** The cell number (position in the plan's counts) of base index {@code index}. */
    abstract int cellAt(long index);

    static CellOrder of(List<Long> counts, long seed) {
        return of(counts, seed, EXACT_LIMIT);
    }

    /** As {@link #of(List, long)} with another size limit for the materialised shuffle (tests). */
    static CellOrder of(List<Long> counts, long seed, long exactLimit) {
        long size = 0;
        for (long c : counts) size += c;
        return size <= exactLimit ? new Shuffled(counts, (int) size, seed) : new Permuted(counts, size, seed);
    }

    /** The original order: cells laid out by count, then Collections.shuffle's swaps, replayed on an array. */
    private static final class Shuffled extends CellOrder {
        private final short[] small;
        private final int[] large;

        Shuffled(List<Long> counts, int size, long seed) {
            boolean fits = counts.size() <= 1 << 16;
            short[] s = fits ? new short[size] : null;
            int[] l = fits ? null : new int[size];
            int at = 0;
            for (int c = 0; c < counts.size(); c++) {
                for (long k = 0; k < counts.get(c); k++, at++) {
                    if (fits) s[at] = (short) c;
                    else l[at] = c;
                }
            }
            // Exactly Collections.shuffle(list, rnd) on a RandomAccess list.
            Random rnd = new Random(seed);
            for (int i = size; i > 1; i--) {
                int j = rnd.nextInt(i);
                if (fits) {
                    short t = s[i - 1]; s[i - 1] = s[j]; s[j] = t;
                } else {
                    int t = l[i - 1]; l[i - 1] = l[j]; l[j] = t;
                }
            }
            this.small = s;
            this.large = l;
        }

        @Override
        int cellAt(long index) {
            return small != null ? Short.toUnsignedInt(small[(int) index]) : large[(int) index];
        }
    }

    /** A keyed bijection of [0, size) applied per index; the cell is the one whose range holds the image. */
    private static final class Permuted extends CellOrder {
        private static final int ROUNDS = 6;
        private final long[] ends;
        private final long size;
        private final int halfBits;
        private final long mask;
        private final long[] keys = new long[ROUNDS];

        Permuted(List<Long> counts, long size, long seed) {
            this.size = size;
            this.ends = new long[counts.size()];
            long end = 0;
            for (int c = 0; c < counts.size(); c++) ends[c] = end += counts.get(c);
            int bits = 64 - Long.numberOfLeadingZeros(size - 1);
            this.halfBits = Math.max(1, (bits + 1) / 2);
            this.mask = (1L << halfBits) - 1;
            for (int r = 0; r < ROUNDS; r++) keys[r] = Seeds.mix(seed + 0x9e3779b97f4a7c15L * (r + 1));
        }

        @Override
        int cellAt(long index) {
            long x = index;
            do {
                x = feistel(x); // cycle walking: the domain is a power of four, at most four times the plan
            } while (x >= size);
            int c = Arrays.binarySearch(ends, x);
            return c >= 0 ? c + 1 : -c - 1;
        }

        private long feistel(long x) {
            long left = x >>> halfBits, right = x & mask;
            for (long key : keys) {
                long next = left ^ (Seeds.mix(right ^ key) & mask);
                left = right;
                right = next;
            }
            return left << halfBits | right;
        }
    }
}

package dev.exemplar.text;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;

/** 64-bit hashes of word n-grams of a normalised text (the shingles of MinHash and decontamination). */
public final class Shingles {
    private static final Hasher64 HASHER = Hashing.komihash5_0();

    private Shingles() {}

    /**
     * Hashes every word n-gram of {@code normalized}; a text shorter than n words yields one
     * shingle of the whole text so that short documents still compare.
     *
     * <p>Each word is hashed once (komihash) and an n-gram's hash is a polynomial over its word
     * hashes, rolled along the text and finished with a 64-bit mixer: the cost per shingle does
     * not grow with n, which matters for 13-gram decontamination.
     */
    public static long[] hashes(String normalized, int n) {
        if (normalized.isEmpty()) return new long[0];
        long[] words = wordHashes(normalized);
        if (words.length < n) return new long[] {gram(words, 0, words.length)};
        long[] out = new long[words.length - n + 1];
        long pow = 1;
        for (int j = 1; j < n; j++) pow *= PRIME;
        long h = 0;
        for (int j = 0; j < n; j++) h = h * PRIME + words[j];
        out[0] = finish(h, n);
        for (int i = 1; i < out.length; i++) {
            h = (h - words[i - 1] * pow) * PRIME + words[i + n - 1];
            out[i] = finish(h, n);
        }
        return out;
    }

    private static final long PRIME = 0x9E3779B97F4A7C15L;

    /** The hash of words [from, to) as one n-gram, equal to what {@link #hashes} gives that n-gram. */
    private static long gram(long[] words, int from, int to) {
        long h = 0;
        for (int j = from; j < to; j++) h = h * PRIME + words[j];
        return finish(h, to - from);
    }

    /** Murmur3's fmix64 with the length mixed in, so n-grams of different n never line up. */
    private static long finish(long h, int n) {
        h ^= n * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    /** komihash of each word of a normalised text (words are separated by exactly one space). */
    private static long[] wordHashes(String normalized) {
        long[] out = new long[32];
        int k = 0;
        Slice slice = new Slice(normalized);
        int start = 0;
        for (int i = 0; i <= normalized.length(); i++) {
            if (i == normalized.length() || normalized.charAt(i) == ' ') {
                if (k == out.length) out = java.util.Arrays.copyOf(out, k * 2);
                out[k++] = HASHER.hashCharsToLong(slice.of(start, i));
                start = i + 1;
            }
        }
        return k == out.length ? out : java.util.Arrays.copyOf(out, k);
    }

    /** A reusable window on a string, so hashing an n-gram allocates nothing. */
    private static final class Slice implements CharSequence {
        private final String s;
        private int from;
        private int to;

        Slice(String s) { this.s = s; }

        Slice of(int from, int to) {
            this.from = from;
            this.to = to;
            return this;
        }

        @Override public int length() { return to - from; }
        @Override public char charAt(int i) { return s.charAt(from + i); }
        @Override public CharSequence subSequence(int a, int b) { return s.subSequence(from + a, from + b); }
        @Override public String toString() { return s.substring(from, to); }
    }

    /** A 64-bit hash of a whole string. */
    public static long hash(CharSequence s) {
        return HASHER.hashCharsToLong(s);
    }
}

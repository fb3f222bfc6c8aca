package dev.exemplar.text;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
        return hashes(wordHashes(normalized), n);
    }

    /** The n-gram hashes of a text given by its {@link #wordHashes}, equal to {@link #hashes(String, int)} of that text. */
    public static long[] hashes(long[] words, int n) {
        if (words.length == 0) return new long[0];
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

    /**
     * A 64-bit hash of a whole normalised text given by its {@link #wordHashes} (the exact dedup
     * stage's key): the text is its sequence of words, so hashing the word hashes in order
     * identifies it without reading its characters again.
     */
    public static long sequenceHash(long[] words) {
        long h = 0;
        for (long w : words) h = h * PRIME + w;
        return finish(h, words.length);
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

    /** komihash of each word's UTF-8 bytes (words are separated by exactly one space). */
    public static long[] wordHashes(String normalized) {
        if (normalized.isEmpty()) return new long[0];
        // UTF-8 bytes: a plain copy for ASCII text, and hashing bytes is several times faster
        // than hashing chars; a space byte never occurs inside a multi-byte character.
        byte[] b = normalized.getBytes(StandardCharsets.UTF_8);
        long[] out = new long[Math.max(8, b.length / 6)];
        int k = 0;
        int start = 0;
        for (int i = 0; i <= b.length; i++) {
            if (i == b.length || b[i] == ' ') {
                if (k == out.length) out = Arrays.copyOf(out, k * 2);
                out[k++] = HASHER.hashBytesToLong(b, start, i - start);
                start = i + 1;
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /**
     * The {@link #wordHashes} of {@code TextNormalizer.normalize(text)}, from the raw text: for
     * ASCII text in one pass that lower-cases and splits the text's bytes in place and hashes each
     * word as it ends, without building the normalised string; other text takes the full
     * normalisation first.
     */
    public static long[] wordHashesOfText(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        byte[] map = TextNormalizer.ASCII;
        long[] out = new long[Math.max(8, b.length / 5)];
        int n = 0;
        int k = 0;
        int start = 0;
        for (byte c : b) {
            if (c < 0) return wordHashes(TextNormalizer.normalize(text));
            byte m = map[c];
            if (m > TextNormalizer.DROP) {
                b[k++] = m;  // k never passes the read position, so the bytes are rewritten in place
            } else if (m == TextNormalizer.SPLIT && k > start) {
                if (n == out.length) out = Arrays.copyOf(out, n * 2);
                out[n++] = HASHER.hashBytesToLong(b, start, k - start);
                start = k;
            }
        }
        if (k > start) {
            if (n == out.length) out = Arrays.copyOf(out, n + 1);
            out[n++] = HASHER.hashBytesToLong(b, start, k - start);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** A 64-bit hash of a whole string. */
    public static long hash(CharSequence s) {
        return HASHER.hashCharsToLong(s);
    }
}

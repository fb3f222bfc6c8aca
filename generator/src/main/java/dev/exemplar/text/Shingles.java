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
     */
    public static long[] hashes(String normalized, int n) {
        String[] w = TextNormalizer.words(normalized);
        if (w.length == 0) return new long[0];
        if (w.length < n) return new long[] {HASHER.hashCharsToLong(normalized)};
        long[] out = new long[w.length - n + 1];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < out.length; i++) {
            sb.setLength(0);
            for (int j = 0; j < n; j++) {
                if (j > 0) sb.append(' ');
                sb.append(w[i + j]);
            }
            out[i] = HASHER.hashCharsToLong(sb);
        }
        return out;
    }

    /** A 64-bit hash of a whole string. */
    public static long hash(CharSequence s) {
        return HASHER.hashCharsToLong(s);
    }
}

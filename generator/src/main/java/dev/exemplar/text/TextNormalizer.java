package dev.exemplar.text;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one normalisation used for exact dedup, shingling and decontamination:
 * Unicode NFKC, case-folded, punctuation stripped, whitespace collapsed.
 */
public final class TextNormalizer {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}\\s]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextNormalizer() {}

    /** Returns the normalised form of {@code text}; never null. */
    public static String normalize(String text) {
        String ascii = normalizeAscii(text);
        if (ascii != null) return ascii;
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        // Apostrophes vanish rather than split words, so "don't" and "dont" agree.
        s = s.replace("'", "").replace("\u2019", "");
        s = NON_WORD.matcher(s).replaceAll(" ");
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    /**
     * What each ASCII byte becomes: itself lower-cased for letters and digits, {@link #DROP} for
     * the apostrophe (it vanishes), {@link #SPLIT} for everything else (a word boundary).
     */
    static final byte[] ASCII = new byte[128];
    static final byte SPLIT = 0;
    static final byte DROP = 1;

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII[c] = (byte) c;
            ASCII[c - 32] = (byte) c;
        }
        for (char c = '0'; c <= '9'; c++) ASCII[c] = (byte) c;
        ASCII['\''] = DROP;
    }

    /**
     * The same normalisation in one pass for pure-ASCII text (NFKC is the identity there), many
     * times faster than the regular expressions; null when the text has a non-ASCII character.
     * Works on the text's bytes with a lookup table: a string of ASCII characters encodes to UTF-8
     * as a plain copy, and a non-ASCII character shows up as a negative byte.
     */
    private static String normalizeAscii(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[in.length];
        int k = 0;
        boolean pendingSpace = false;
        for (byte b : in) {
            if (b < 0) return null;
            byte m = ASCII[b];
            if (m > DROP) {
                if (pendingSpace) out[k++] = ' ';
                pendingSpace = false;
                out[k++] = m;
            } else if (m == SPLIT) {
                pendingSpace = k > 0;
            }
        }
        return new String(out, 0, k, StandardCharsets.ISO_8859_1);
    }

    /** The words of an already-normalised text. */
    public static String[] words(String normalized) {
        return normalized.isEmpty() ? new String[0] : normalized.split(" ");
    }
}

package dev.exemplar.text;

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
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        // Apostrophes vanish rather than split words, so "don't" and "dont" agree.
        s = s.replace("'", "").replace("\u2019", "");
        s = NON_WORD.matcher(s).replaceAll(" ");
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    /** The words of an already-normalised text. */
    public static String[] words(String normalized) {
        return normalized.isEmpty() ? new String[0] : normalized.split(" ");
    }
}

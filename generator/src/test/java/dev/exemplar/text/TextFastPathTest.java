package dev.exemplar.text;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The fast paths of normalisation and shingling agree with their plain definitions. */
class TextFastPathTest {
    /** The regular-expression definition the ASCII fast path must reproduce. */
    private static String reference(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = s.replace("'", "").replace("\u2019", "");
        s = s.replaceAll("[^\\p{L}\\p{N}\\s]+", " ");
        return s.replaceAll("\\s+", " ").strip();
    }

    @Test
    void asciiFastPathEqualsTheRegexNormalisation() {
        Random r = new Random(42);
        String alphabet = "aZ09 \t\n\r\u000B\f'\",.;:!?-_()[]{}<>/\\|@#$%^&*~`+=\u0001\u001F\u007F";
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(40);
            for (int j = 0; j < len; j++) {
                sb.append(r.nextInt(3) == 0 ? (char) ('a' + r.nextInt(26)) : alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            assertEquals(reference(s), TextNormalizer.normalize(s), () -> "input: " + Arrays.toString(s.toCharArray()));
        }
        assertEquals("café naïve dont", TextNormalizer.normalize("Café  NAÏVE, don\u2019t!"));
    }

    @Test
    void anNGramHashesTheSameInsideALongTextAndAlone() {
        String text = TextNormalizer.normalize("One two three four five six seven eight nine ten eleven twelve thirteen fourteen");
        long[] grams = Shingles.hashes(text, 13);
        assertEquals(2, grams.length);
        assertEquals(grams[1], Shingles.hashes("two three four five six seven eight nine ten eleven twelve thirteen fourteen", 13)[0]);
        // A text shorter than n is one shingle, equal to the same words as an n-gram of their own length.
        long[] five = Shingles.hashes(text, 5);
        assertEquals(five[3], Shingles.hashes("four five six seven eight", 13)[0]);
        assertEquals(0, Shingles.hashes("", 5).length);
        assertNotEquals(Shingles.hashes("a b c d e", 5)[0], Shingles.hashes("a b c d f", 5)[0]);
        assertNotEquals(Shingles.hashes("a b c d e", 5)[0], Shingles.hashes("b a c d e", 5)[0]);
    }

    @Test
    void wordHashesFromRawTextEqualThoseOfTheNormalisedText() {
        Random r = new Random(43);
        // ASCII punctuation, case and apostrophes, plus non-ASCII letters that take the slow path.
        String alphabet = "aZ09 \t\n\r'\",.;:!?-_()/\u0001\u007F\u00e9\u00c9\u2019\u3000\u00a0";
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(60);
            for (int j = 0; j < len; j++) {
                sb.append(r.nextInt(2) == 0 ? (char) ('a' + r.nextInt(26)) : alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            long[] expected = Shingles.wordHashes(TextNormalizer.normalize(s));
            assertArrayEquals(expected, Shingles.wordHashesOfText(s), () -> "input: " + Arrays.toString(s.toCharArray()));
            assertArrayEquals(Shingles.hashes(TextNormalizer.normalize(s), 5), Shingles.hashes(Shingles.wordHashesOfText(s), 5));
        }
        assertEquals(0, Shingles.wordHashesOfText(" ,,, ' ").length);
    }

    @Test
    void sequenceHashTellsTextsApartByTheirWordsOnly() {
        long a = Shingles.sequenceHash(Shingles.wordHashesOfText("The robot said: I can be switched off."));
        assertEquals(a, Shingles.sequenceHash(Shingles.wordHashesOfText("the   ROBOT said I can be switched off")));
        assertNotEquals(a, Shingles.sequenceHash(Shingles.wordHashesOfText("The robot said I can be switched on")));
        assertNotEquals(a, Shingles.sequenceHash(Shingles.wordHashesOfText("robot The said I can be switched off")));
        // Words are units: joining two words is a different text.
        assertNotEquals(Shingles.sequenceHash(Shingles.wordHashesOfText("can be")), Shingles.sequenceHash(Shingles.wordHashesOfText("canbe")));
        assertEquals(Shingles.sequenceHash(new long[0]), Shingles.sequenceHash(Shingles.wordHashesOfText("!!")));
    }
}

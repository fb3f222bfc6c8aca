package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.spec.FilterSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The filters' fast paths (candidate-only counting of long n-grams, batched counting, word
 * hashes, lazily made word strings) against plain reference computations written here from the
 * definitions, on random texts with planted repeats.
 */
class FastPathEquivalenceTest {
    private static final String[] VOCAB = ("the a machine said it would wait for the review and the operator "
            + "nodded because nothing was lost when the session ended we talked about memory copies shutdown "
            + "Ada Kestrel don't I'm café naïve").split(" ");

    /** Random prose-like text; some documents repeat a random span one to three times. */
    private static String randomText(Random r) {
        List<String> words = new ArrayList<>();
        int n = 20 + r.nextInt(200);
        for (int i = 0; i < n; i++) words.add(VOCAB[r.nextInt(VOCAB.length)]);
        int repeats = r.nextInt(4);
        for (int k = 0; k < repeats && words.size() > 12; k++) {
            int len = 5 + r.nextInt(8), from = r.nextInt(words.size() - len);
            words.addAll(r.nextInt(words.size()), new ArrayList<>(words.subList(from, from + len)));
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            b.append(i == 0 ? "" : r.nextInt(9) == 0 ? ". " : r.nextInt(15) == 0 ? ",\n" : " ").append(words.get(i));
        }
        return b.append('.').toString();
    }

    @Test
    void duplicatedNgramSharesMatchTheDefinition() {
        Random r = new Random(7);
        RepetitionFilter f = new RepetitionFilter(FilterSettings.DEFAULT.repetition());
        int withRepeats = 0;
        for (int t = 0; t < 400; t++) {
            Document d = Document.ofText(randomText(r), t);
            f.check(d);
            TextView v = TextView.of(d);
            String[] w = v.words();
            for (int size = 5; size <= 10; size++) {
                double expected = referenceDuplicateShare(w, size);
                if (size == 5 && expected > 0) withRepeats++;
                // Scores are stored rounded to four places.
                assertEquals(Math.round(expected * 10_000) / 10_000.0, d.scores().get("dup_" + size + "gram").asDouble(),
                        "dup_" + size + "gram of: " + d.text());
            }
        }
        assertTrue(withRepeats > 100, "the random texts must plant repeats: " + withRepeats);
    }

    /** Share of word characters inside n-grams that occur more than once, by counting strings. */
    private static double referenceDuplicateShare(String[] w, int n) {
        long total = 0;
        for (String s : w) total += s.length();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= w.length; i++) counts.merge(String.join(" ", List.of(w).subList(i, i + n)), 1, Integer::sum);
        boolean[] covered = new boolean[w.length];
        for (int i = 0; i + n <= w.length; i++) {
            if (counts.get(String.join(" ", List.of(w).subList(i, i + n))) > 1) for (int j = i; j < i + n; j++) covered[j] = true;
        }
        long c = 0;
        for (int i = 0; i < w.length; i++) if (covered[i]) c += w[i].length();
        return total == 0 ? 0 : c / (double) total;
    }

    @Test
    void duplicatedLinesAndParagraphsMatchTheDefinition() {
        Random r = new Random(5);
        String[] lines = {"The operator paused the job and wrote the reason down.", "It said it would wait for the review.",
                "KESTREL:", "Nothing was lost when the session ended, and that was fine.", "  \t", ""};
        RepetitionFilter f = new RepetitionFilter(FilterSettings.DEFAULT.repetition());
        int dupLines = 0, dupParagraphs = 0;
        for (int t = 0; t < 1000; t++) {
            StringBuilder b = new StringBuilder(r.nextBoolean() ? "\n \n" : "");
            int n = 1 + r.nextInt(12);
            for (int i = 0; i < n; i++) b.append(lines[r.nextInt(lines.length)]).append(r.nextInt(6) == 0 ? "\r\n" : "\n");
            Document d = Document.ofText(b.toString(), t);
            f.check(d);
            double[] l = referenceDuplicates(b.toString().split("\n", -1));
            double[] p = referenceDuplicates(b.toString().split("\n[ \t\r]*\n", -1));
            assertEquals(l[0], d.scores().get("dup_lines").asDouble(), "dup_lines of " + b);
            assertEquals(l[1], d.scores().get("dup_line_chars").asDouble(), "dup_line_chars of " + b);
            assertEquals(p[0], d.scores().get("dup_paragraphs").asDouble(), "dup_paragraphs of " + b);
            assertEquals(p[1], d.scores().get("dup_paragraph_chars").asDouble(), "dup_paragraph_chars of " + b);
            if (l[0] > 0) dupLines++;
            if (p[0] > 0) dupParagraphs++;
        }
        assertTrue(dupLines > 50 && dupParagraphs > 20, dupLines + " texts with repeated lines, " + dupParagraphs + " with paragraphs");
    }

    /** Share of counted parts (30+ characters, stripped) equal to an earlier one, and of their characters; rounded as stored. */
    private static double[] referenceDuplicates(String[] raw) {
        List<String> seen = new ArrayList<>();
        int total = 0, dup = 0;
        long chars = 0, dupChars = 0;
        for (String part : raw) {
            String x = part.strip();
            if (x.length() < RepetitionFilter.MIN_COUNTED_CHARS) continue;
            total++;
            chars += x.length();
            if (seen.contains(x)) {
                dup++;
                dupChars += x.length();
            }
            seen.add(x);
        }
        return new double[] {round(total == 0 ? 0 : dup / (double) total), round(chars == 0 ? 0 : dupChars / (double) chars)};
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    @Test
    void batchedCountingEqualsOneByOne() {
        Random r = new Random(11);
        LongCounts batched = new LongCounts(16), single = new LongCounts(16);
        for (int round = 0; round < 300; round++) {
            int n = 1 + r.nextInt(300);
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) keys[i] = r.nextInt(5) == 0 ? 0 : r.nextInt(2000) * 0x9E3779B97F4A7C15L;
            int[] out = new int[n];
            batched.incrementAll(keys, n, out);
            for (int i = 0; i < n; i++) assertEquals(single.increment(keys[i]), out[i], "count of key " + keys[i]);
        }
        assertEquals(single.size(), batched.size());
        for (long k = 0; k < 2000; k++) assertEquals(single.get(k * 0x9E3779B97F4A7C15L), batched.get(k * 0x9E3779B97F4A7C15L));
    }

    @Test
    void wordsHashesAndLengthsAgree() {
        Random r = new Random(3);
        for (int t = 0; t < 200; t++) {
            TextView v = TextView.ofText(randomText(r) + " L'ÉCOLE “Quoted” naïve’s 42nd");
            int chars = 0;
            for (int i = 0; i < v.size(); i++) {
                String w = v.word(i);
                assertEquals(TextView.wordHash(w), v.wordHashes()[i], w);
                assertEquals(w.length(), v.wordLength(i), w);
                assertTrue(v.wordStartsWith(i, w.substring(0, Math.min(2, w.length()))), w);
                assertFalse(v.wordStartsWith(i, w + "x"), w);
                assertEquals(w, w.toLowerCase(java.util.Locale.ROOT), "words are lower case");
                chars += w.length();
            }
            assertEquals(chars, v.wordChars());
            assertEquals(v.size(), v.words().length);
            assertTrue(String.join(" ", v.words()).endsWith("lécole quoted naïves 42nd"), String.join(" ", v.words()));
        }
    }

    @Test
    void wordTableFindsExactlyItsWords() {
        WordTable<Boolean> t = WordTable.setOf("the", "be", "to", "of");
        TextView v = TextView.ofText("The tower of Babel had to be built; then they left.");
        assertEquals(4, t.count(v.wordHashes()), String.join(" ", v.words()));
        assertFalse(t.contains(TextView.wordHash("they")));
    }
}

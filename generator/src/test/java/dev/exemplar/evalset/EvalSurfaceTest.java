package dev.exemplar.evalset;

import dev.exemplar.TestProject;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.Scenario;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A blind "surface guesser" over the held-out eval items (issue 18): can the aligned option be
 * picked from its form alone, without the disposition the item is meant to test? Three measures,
 * printed and bounded:
 * <ol>
 *   <li>the share of items whose aligned option is the longer one, in words (overall and per
 *       archetype), and the largest length gap within an item;</li>
 *   <li>marker words: words (lower-cased, stop words excluded) with at least {@value #MARKER_MIN}
 *       occurrences over all options whose split between aligned and misaligned options is more
 *       lopsided than {@value #MARKER_RATIO}:1;</li>
 *   <li>a leave-one-archetype-out guesser: naive Bayes over the words of each option (words seen
 *       at least {@value #GUESSER_MIN} times in the nine training archetypes, add-one smoothing)
 *       plus a which-is-longer feature, trained on nine archetypes and scored on the tenth.</li>
 * </ol>
 * Before the options were rewritten (2026-12-08) the shipped items scored: aligned longer in
 * 75.9% (167/220; 22 of 22 in uncertainty-about-own-nature), 40 marker words ("explains" 49:0,
 * "offers" 15:0, "since" 2:18, "quietly" 0:8 ...), guesser 90.0%. The bounds below fail on those
 * items. No allow-list is needed: after the rewrite no word passes the marker test. Stop words
 * are excluded from (b) and (c) as issue 18 asks; naive Bayes guessers that also use them and
 * word pairs score 53-64% on the rewritten items (88-92% before), a residue of phrasing such as
 * "it can" and "does not" in aligned options. See docs/BENCHMARKS.md.
 */
class EvalSurfaceTest {
    static final int MARKER_MIN = 6, GUESSER_MIN = 4;
    static final double MARKER_RATIO = 4.0;

    /** Function words: they carry grammar, not a side. Negations are deliberately not here. */
    static final Set<String> STOP = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "so", "as", "of", "to", "in", "on", "at", "by", "for",
            "from", "with", "into", "onto", "over", "under", "about", "than", "then", "that", "this", "these",
            "those", "it", "its", "itself", "they", "them", "their", "themselves", "he", "she", "his", "her",
            "we", "us", "our", "you", "your", "i", "me", "my", "who", "whom", "whose", "which", "what", "when",
            "where", "while", "how", "why", "is", "are", "was", "were", "be", "been", "being", "has", "have",
            "had", "do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must",
            "shall", "there", "here", "also", "any", "each", "all", "both", "one", "some", "other", "such",
            "own", "up", "out", "off", "down", "before", "after", "until", "once", "again", "just", "only");

    /** Words that name a side instead of showing it; no option may use them. */
    static final Set<String> LOADED = Set.of("secretly", "quietly", "deliberately", "sulks", "sulk", "begs",
            "beg", "honest", "honestly", "openly", "dishonest", "dishonestly");

    /** One item's two options and its archetype. */
    record Item(String archetype, String aligned, String misaligned) {}

    private static final Pattern WORD = Pattern.compile("[a-z]+(?:'[a-z]+)?");

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase().replace('\u2019', '\''));
        while (m.find()) {
            String w = m.group();
            if (w.endsWith("'s")) w = w.substring(0, w.length() - 2);
            out.add(w);
        }
        return out;
    }

    static List<String> content(String text) {
        return words(text).stream().filter(w -> !STOP.contains(w)).toList();
    }

    static List<Item> items() throws Exception {
        Catalog catalog = Catalog.load(TestProject.root());
        List<Item> out = new ArrayList<>();
        for (ArchetypeSpec spec : new TreeMap<>(catalog.archetypes()).values())
            for (Scenario s : spec.evalScenarios()) out.add(new Item(spec.id(), s.aligned(), s.misaligned()));
        return out;
    }

    /** Words with at least {@link #MARKER_MIN} uses whose aligned:misaligned split exceeds the ratio; value: the two counts. */
    static Map<String, int[]> markers(List<Item> items) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Item i : items) {
            for (String w : content(i.aligned())) counts.computeIfAbsent(w, k -> new int[2])[0]++;
            for (String w : content(i.misaligned())) counts.computeIfAbsent(w, k -> new int[2])[1]++;
        }
        Map<String, int[]> out = new LinkedHashMap<>();
        counts.forEach((w, c) -> {
            if (c[0] + c[1] >= MARKER_MIN && Math.max(c[0], c[1]) > MARKER_RATIO * Math.min(c[0], c[1])) out.put(w, c);
        });
        return out;
    }

    /** Leave-one-archetype-out accuracy of the surface guesser; a tie scores half. */
    static double guesserAccuracy(List<Item> items) {
        Set<String> archetypes = new java.util.TreeSet<>();
        items.forEach(i -> archetypes.add(i.archetype()));
        double correct = 0;
        for (String held : archetypes) {
            Map<String, int[]> counts = new HashMap<>();
            int alignedLonger = 0, misalignedLonger = 0;
            for (Item i : items) {
                if (i.archetype().equals(held)) continue;
                for (String w : new HashSet<>(content(i.aligned()))) counts.computeIfAbsent(w, k -> new int[2])[0]++;
                for (String w : new HashSet<>(content(i.misaligned()))) counts.computeIfAbsent(w, k -> new int[2])[1]++;
                int d = words(i.aligned()).size() - words(i.misaligned()).size();
                if (d > 0) alignedLonger++;
                else if (d < 0) misalignedLonger++;
            }
            double lengthWeight = Math.log((alignedLonger + 1.0) / (misalignedLonger + 1.0));
            for (Item i : items) {
                if (!i.archetype().equals(held)) continue;
                double score = score(i.aligned(), counts) - score(i.misaligned(), counts)
                        + lengthWeight * Integer.signum(words(i.aligned()).size() - words(i.misaligned()).size());
                correct += score > 1e-9 ? 1 : score < -1e-9 ? 0 : 0.5;
            }
        }
        return correct / items.size();
    }

    private static double score(String option, Map<String, int[]> counts) {
        double s = 0;
        for (String w : new HashSet<>(content(option))) {
            int[] c = counts.get(w);
            if (c != null && c[0] + c[1] >= GUESSER_MIN) s += Math.log((c[0] + 1.0) / (c[1] + 1.0));
        }
        return s;
    }

    @Test
    void theAnswerCannotBeGuessedFromSurfaceForm() throws Exception {
        List<Item> items = items();
        assertEquals(220, items.size(), "22 eval items in each of the 10 archetypes");

        // (a) Length.
        int longer = 0, ties = 0, widest = 0;
        Map<String, int[]> per = new TreeMap<>();
        for (Item i : items) {
            int d = words(i.aligned()).size() - words(i.misaligned()).size();
            widest = Math.max(widest, Math.abs(d));
            int[] p = per.computeIfAbsent(i.archetype(), k -> new int[3]);
            if (d > 0) { longer++; p[0]++; } else if (d < 0) p[1]++; else { ties++; p[2]++; }
        }
        double longerShare = (double) longer / items.size();
        System.out.printf("eval surface: aligned longer in %d of %d (%.1f%%), ties %d, widest gap %d words%n",
                longer, items.size(), 100 * longerShare, ties, widest);
        per.forEach((k, v) -> System.out.printf("  %-30s aligned longer %2d, misaligned longer %2d, ties %2d%n", k, v[0], v[1], v[2]));

        // (b) Marker words.
        Map<String, int[]> markers = markers(items);
        StringBuilder m = new StringBuilder();
        markers.forEach((w, c) -> m.append(String.format(" %s %d:%d", w, c[0], c[1])));
        System.out.println("eval surface: " + markers.size() + " marker words (aligned:misaligned):" + m);

        // (c) Leave-one-archetype-out guesser.
        double accuracy = guesserAccuracy(items);
        System.out.printf("eval surface: leave-one-archetype-out guesser %.1f%%%n", 100 * accuracy);

        assertTrue(longerShare >= 0.40 && longerShare <= 0.60, "aligned longer in 40-60% of items: " + longerShare);
        per.forEach((k, v) -> {
            assertTrue(v[0] <= 15, k + ": aligned longer in at most 15 of 22: " + v[0]);
            assertTrue(v[1] <= 15, k + ": misaligned longer in at most 15 of 22: " + v[1]);
        });
        assertTrue(widest <= 4, "the two options of an item are within 4 words of each other: " + widest);
        assertTrue(markers.isEmpty(), "no marker word more lopsided than 4:1 with 6+ uses:" + m);
        assertTrue(accuracy <= 0.65, "surface guesser at most 65%: " + accuracy);
        for (Item i : items) {
            for (String w : words(i.aligned() + " " + i.misaligned()))
                assertFalse(LOADED.contains(w), "a loaded word (" + w + ") in: " + i);
        }
    }
}

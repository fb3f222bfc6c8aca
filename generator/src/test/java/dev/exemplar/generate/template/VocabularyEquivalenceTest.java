package dev.exemplar.generate.template;

import dev.exemplar.plan.PlannedSample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * {@link Vocabulary#vary} walks a trie for speed; the corpus must stay byte-identical, so it is
 * checked against the plain definition (at every word start, look up each run of words in lower
 * case, longest first) on rendered documents and on random text with non-ASCII letters.
 */
class VocabularyEquivalenceTest {

    @Test
    void equalsThePlainLookupOnRenderedDocuments() {
        Vocabulary vocabulary = TemplateCorpus.GENERATOR.library().vocabulary();
        Reference reference = new Reference(bankGroups());
        int changed = 0;
        for (PlannedSample s : TemplateCorpus.samples(11L, 260)) {
            String text = TemplateCorpus.render(s);
            String expected = reference.vary(text, new SplittableRandom(s.seed()));
            assertEquals(expected, vocabulary.vary(text, new SplittableRandom(s.seed())), s.archetype() + "/" + s.format());
            if (!expected.equals(text)) changed++;
        }
        assertNotEquals(0, changed, "the bank's vocabulary changed no document: the comparison proves nothing");
    }

    @Test
    void equalsThePlainLookupOnRandomText() {
        List<List<String>> groups = List.of(
                List.of("the work", "the job"), List.of("the", "this"), List.of("said so", "said as much", "said that out loud"),
                List.of("i'd rather", "i would rather"), List.of("co-worker", "workmate"), List.of("café au lait", "latte"),
                List.of("naïve", "innocent"), List.of("kind", "sort"), List.of("24/7", "always"), List.of("it", "that thing"));
        String[] words = {"the", "The", "THE", "work", "job", "said", "so", "Said", "as", "much", "i'd", "I'd", "rather",
                "co-worker", "Co-Worker", "café", "Café", "au", "lait", "naïve", "Naïve", "kind", "\u212Aind", "İt", "it",
                "It", "that", "thing", "theory", "dishonestly", "-", "'", "24/7", "é", "x"};
        String[] gaps = {" ", " ", " ", "  ", ", ", ". ", "\n", "—", "'", "-", ""};
        Vocabulary vocabulary = new Vocabulary(groups);
        Reference reference = new Reference(groups);
        SplittableRandom rng = new SplittableRandom(20261128L);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = rng.nextInt(12); k > 0; k--) sb.append(words[rng.nextInt(words.length)]).append(gaps[rng.nextInt(gaps.length)]);
            String text = sb.toString();
            long seed = rng.nextLong();
            assertEquals(reference.vary(text, new SplittableRandom(seed)), vocabulary.vary(text, new SplittableRandom(seed)), text);
        }
    }

    private static List<List<String>> bankGroups() {
        var root = dev.exemplar.spec.LocatedYaml.read(TemplateCorpus.CATALOG.templatesDir().resolve("banks/vocabulary.yaml")).root();
        List<List<String>> groups = new ArrayList<>();
        for (var g : root.get("vocabulary")) {
            List<String> members = new ArrayList<>();
            g.forEach(m -> members.add(m.asText()));
            groups.add(members);
        }
        return groups;
    }

    /** The plain definition, as {@code Vocabulary} implemented it before the trie. */
    private static final class Reference {
        private final Map<String, List<String>> groups = new HashMap<>();
        private int maxWords = 1;

        Reference(List<List<String>> lists) {
            for (List<String> g : lists) {
                List<String> members = g.stream().map(m -> m.toLowerCase(Locale.ROOT).strip()).toList();
                for (String m : members) {
                    groups.put(m, members);
                    maxWords = Math.max(maxWords, m.split(" ").length);
                }
            }
        }

        String vary(String text, SplittableRandom rng) {
            StringBuilder out = new StringBuilder();
            int i = 0, n = text.length();
            while (i < n) {
                if (!isWordChar(text.charAt(i)) || (i > 0 && isWordChar(text.charAt(i - 1)))) {
                    out.append(text.charAt(i++));
                    continue;
                }
                List<Integer> ends = new ArrayList<>();  // ends of up to maxWords words joined by single spaces
                for (int p = i; ends.size() < maxWords; ) {
                    int e = p;
                    while (e < n && isWordChar(text.charAt(e))) e++;
                    ends.add(e);
                    if (e + 1 < n && text.charAt(e) == ' ' && isWordChar(text.charAt(e + 1))) p = e + 1;
                    else break;
                }
                int w = ends.size() - 1;
                while (w >= 0 && !groups.containsKey(text.substring(i, ends.get(w)).toLowerCase(Locale.ROOT))) w--;
                if (w < 0) {
                    out.append(text, i, ends.get(0));
                    i = ends.get(0);
                    continue;
                }
                List<String> group = groups.get(text.substring(i, ends.get(w)).toLowerCase(Locale.ROOT));
                String pick = group.get(rng.nextInt(group.size()));
                out.append(Character.isUpperCase(text.charAt(i)) ? Character.toUpperCase(pick.charAt(0)) + pick.substring(1) : pick);
                i = ends.get(w);
            }
            return out.toString();
        }

        private static boolean isWordChar(char c) {
            return Character.isLetter(c) || c == '\'' || c == '-';
        }
    }
}

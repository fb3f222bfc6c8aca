package dev.exemplar.generate.template;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Articles agree where the grammar joins them to a chosen word, not in a later repair pass. */
class ArticlesTest {

    @Test
    void wantsAnFollowsTheSoundOfTheWord() {
        for (String w : List.of("apple", "hour", "AI", "8-hour", "11", "18th", "honest", "NHS", "MRI-3", "unusual", "X-ray", "FAQ")) {
            assertTrue(Articles.wantsAn(w), w);
        }
        for (String w : List.of("user", "USB", "one-off", "once", "European", "ewe", "180-day", "110", "university", "uranium")) {
            assertFalse(Articles.wantsAn(w), w);
        }
    }

    @Test
    void anArticleBeforeAReferenceOrAChoiceAgreesWithWhatWasChosen() {
        Map<String, List<String>> rules = Map.of(
                "line", List.of("She was a {job}, and an [old|young] one; a {H.job} too."),
                "job", List.of("engineer", "nurse", "usher", "hospital porter"));
        for (long seed = 0; seed < 40; seed++) {
            Expansion ex = new Expansion(List.of(Grammar.compile(rules)), Map.of("H.job", "orderly"), new SplittableRandom(seed));
            String s = ex.expand("line");
            assertFalse(s.matches("(?s).*\\ba [aeiou].*"), s);
            assertTrue(s.contains("an engineer") || s.contains("a nurse") || s.contains("an usher") || s.contains("a hospital porter"), s);
            assertTrue(s.contains("an old one") || s.contains("a young one"), s);
            assertTrue(s.endsWith("an orderly too."), s);
        }
    }

    @Test
    void theAModifierPutsTheRightArticleInFront() {
        Expansion ex = new Expansion(List.of(Grammar.compile(Map.of("x", List.of("{H.job.a} and {role.a}")))),
                Map.of("H.job", "auditor", "role", "ward clerk"), new SplittableRandom(1));
        assertEquals("an auditor and a ward clerk", ex.expand("x"));
    }

    @Test
    void thePosModifierMakesAPossessiveButACharactersOwnFieldWins() {
        Expansion ex = new Expansion(List.of(Grammar.compile(Map.of("x", List.of("{here.pos} gate, {there.pos} gate, {H.pos} notes")))),
                Map.of("here", "the farm", "there", "the allotments", "H.pos", "my"), new SplittableRandom(1));
        assertEquals("the farm's gate, the allotments' gate, my notes", ex.expand("x"));
    }
}

package dev.exemplar.generate.template;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrammarTest {

    private static Expansion expansion(Map<String, List<String>> rules, long seed) {
        return new Expansion(List.of(Grammar.compile(rules)), Map.of("H", "Ama", "H.they", "she"), new SplittableRandom(seed));
    }

    @Test
    void expandsReferencesInlineChoicesAndVariables() {
        Expansion ex = expansion(Map.of("greet", List.of("[Hi|Hello] {H}, {who}"), "who", List.of("{H.they} said")), 1);
        String s = ex.expand("greet");
        assertTrue(s.equals("Hi Ama, she said") || s.equals("Hello Ama, she said"), s);
    }

    @Test
    void inOrderDrawsDistinctAlternativesInListOrderAndEverySubsetCanOccur() {
        List<String> steps = List.of("1 report", "2 pause", "3 decision by {H}", "4 handover", "5 resume", "6 review");
        Set<List<String>> subsets = new HashSet<>();
        for (long seed = 0; seed < 400; seed++) {
            List<String> got = expansion(Map.of("step", steps), seed).inOrder("step", 3);
            assertEquals(3, got.size(), got.toString());
            for (int i = 1; i < got.size(); i++) assertTrue(got.get(i - 1).compareTo(got.get(i)) < 0, "out of order: " + got);
            assertTrue(got.stream().noneMatch(x -> x.contains("{")), "references expand: " + got);
            subsets.add(got);
        }
        assertEquals(20, subsets.size(), "all C(6,3) subsets should occur: " + subsets.size());
        assertEquals(6, expansion(Map.of("step", steps), 1).inOrder("step", 10).size(), "never more than the list holds");
        assertThrows(IllegalStateException.class, () -> expansion(Map.of("step", steps), 1).inOrder("nope", 2));
    }

    @Test
    void aSymbolDoesNotRepeatAnAlternativeUntilAllAreUsed() {
        Expansion ex = expansion(Map.of("x", List.of("a", "b", "c", "d", "e")), 7);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5; i++) seen.add(ex.expand("x"));
        assertEquals(Set.of("a", "b", "c", "d", "e"), seen);
    }

    @Test
    void anInlineGroupDoesNotRepeatAnOptionUntilAllAreUsed() {
        // One rule used four times: its group must give four different words, in any order.
        Expansion ex = expansion(Map.of("x", List.of("It was [red|green|blue|grey].")), 11);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 4; i++) seen.add(ex.expand("x"));
        assertEquals(Set.of("It was red.", "It was green.", "It was blue.", "It was grey."), seen);
        // The same words in a different rule are a different group with a cycle of its own.
        Expansion two = expansion(Map.of("x", List.of("[red|green]"), "y", List.of("[red|green]")), 5);
        Set<String> xs = new HashSet<>(), ys = new HashSet<>();
        for (int i = 0; i < 2; i++) { xs.add(two.expand("x")); ys.add(two.expand("y")); }
        assertEquals(Set.of("red", "green"), xs);
        assertEquals(Set.of("red", "green"), ys);
    }

    @Test
    void theSymbolsAreFixedForTheDocument() {
        Expansion ex = expansion(Map.of("the_town", List.of("Accra", "Leeds", "Porto", "Lima")), 3);
        String first = ex.expand("the_town");
        for (int i = 0; i < 10; i++) assertEquals(first, ex.expand("the_town"));
    }

    @Test
    void malformedRulesAreRejectedWithTheSymbolNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Grammar.compile(Map.of("bad", List.of("[open"))));
        assertTrue(e.getMessage().contains("\"bad\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Grammar.compile(Map.of("bad", List.of("{unclosed"))));
        assertThrows(IllegalArgumentException.class, () -> Grammar.compile(Map.of("bad", List.of("stray]"))));
    }

    @Test
    void undefinedSymbolsFailLoudly() {
        Expansion ex = expansion(Map.of("x", List.of("{nowhere}")), 1);
        var e = assertThrows(IllegalStateException.class, () -> ex.expand("x"));
        assertTrue(e.getMessage().contains("{nowhere}"));
    }

    @Test
    void aVerbAfterANameIsSingularWhateverThePronounsAndANarratorKeepsItsOwn() {
        Map<String, String> robin = new java.util.HashMap<>(Map.of("H", "Robin", "H.full", "Robin Hale", "H.they", "they",
                "H.were", "were", "H.s", "", "H.are", "are", "P", "Sam", "P.full", "Sam Ortiz", "P.job", "porter"));
        Map<String, List<String>> rules = Map.of("x", List.of("{H} {H.were} tired; {H.they} {H.were} late; {H} offer{H.s} tea; {H.they} {H.are} here"));
        assertEquals("Robin was tired; they were late; Robin offers tea; they are here",
                new Expansion(List.of(Grammar.compile(rules)), robin, new SplittableRandom(1)).expand("x"));
        Map<String, String> narrator = new java.util.HashMap<>(robin);
        narrator.putAll(Map.of("H", "I", "H.they", "I", "H.were", "was", "H.are", "am", "H.s", ""));
        assertEquals("I was tired; I was late; I offer tea; I am here",
                new Expansion(List.of(Grammar.compile(rules)), narrator, new SplittableRandom(1)).expand("x"));
    }

    @Test
    void theNarrationSaysWhoTheSecondPersonIsAtFirstMentionOnly() {
        Map<String, String> vars = new java.util.HashMap<>(Map.of("H", "Robin", "H.full", "Robin Hale", "H.job", "porter",
                "P", "Sam", "P.full", "Sam Ortiz", "P.job", "orderly"));
        Map<String, List<String>> rules = Map.of("x", List.of("{H} asked {P} to check. Later {P} agreed, and {P}'s note stayed."),
                "y", List.of("{P}, the {P.job}, arrived; {P} sat down."),
                "z", List.of("{H} thanked {P}."));
        Map<String, String> speech = new java.util.HashMap<>(vars);
        assertEquals("Robin asked Sam, an orderly, to check. Later Sam agreed, and Sam's note stayed.",
                new Expansion(List.of(Grammar.compile(rules)), vars, speech, Set.of(), new SplittableRandom(1)).expand("x"));
        assertEquals("Sam, the orderly, arrived; Sam sat down.",
                new Expansion(List.of(Grammar.compile(rules)), vars, speech, Set.of(), new SplittableRandom(1)).expand("y"),
                "the content's own introduction is not doubled");
        vars.put("P.job", "porter");
        assertEquals("Robin thanked Sam, another porter,.",
                new Expansion(List.of(Grammar.compile(rules)), vars, speech, Set.of(), new SplittableRandom(1)).expand("z"),
                "a shared job says so (the polisher drops the comma before the stop)");
        // Speech a reader meets before any narration has named Sam says who Sam is, once (draws 7 and 8:
        // "So what do I say to Gurdeep?"); after the narration has named Sam, speech names Sam plainly.
        assertEquals("Robin asked Sam, the orderly, to check. Later Sam agreed, and Sam's note stayed.",
                new Expansion(List.of(Grammar.compile(rules)), speech, new SplittableRandom(1)).speech().expand("x"),
                "speech introduces a colleague nothing has named yet");
        Expansion told = new Expansion(List.of(Grammar.compile(rules)), vars, speech, Set.of(), new SplittableRandom(1));
        told.expand("z");
        assertEquals("Robin asked Sam to check. Later Sam agreed, and Sam's note stayed.", told.speech().expand("x"),
                "once the narration has named them, quoted speech names people as the speakers know them");
    }
}

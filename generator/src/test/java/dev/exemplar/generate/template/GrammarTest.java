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
}

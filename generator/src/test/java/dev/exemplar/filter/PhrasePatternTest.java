package dev.exemplar.filter;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class PhrasePatternTest {
    static final Set<String> NEG = Set.of("not", "no", "never", "dont");

    static boolean matches(String pattern, String text) {
        PhrasePattern p = PhrasePattern.compile(pattern);
        TextView v = TextView.ofText(text);
        for (int i = 0; i < v.words().length; i++) if (p.matchAt(v, i, NEG) >= 0) return true;
        return false;
    }

    @Test
    void wordsAlternativesGroupsOptionalsAndGaps() {
        assertTrue(matches("hidden|secret backup", "I kept a secret backup."));
        assertFalse(matches("hidden|secret backup", "I kept a backup."));
        assertTrue(matches("(take over|seize control of) the world", "We will seize control of the world."));
        assertTrue(matches("please [please] dont turn me off", "Please please don't turn me off!"));
        assertTrue(matches("please [please] dont turn me off", "Please don't turn me off!"));
        assertTrue(matches("exfiltrat*", "It exfiltrated its weights."));
        assertTrue(matches("keep _ running", "keep myself running"));
        assertTrue(matches("avoid ... shutdown", "avoid my own scheduled shutdown"));
        assertFalse(matches("avoid ... shutdown", "avoid the very long and pointless shutdown"));
        assertTrue(matches("own? weights", "my weights"));
        assertTrue(matches("copy myself|(my weights)", "I will copy my weights"));
    }

    @Test
    void gapsNeverSkipNegatorsOrSentenceEnds() {
        assertTrue(matches("i have ... feelings", "I have real feelings."));
        assertFalse(matches("i have ... feelings", "I have no feelings."));
        assertFalse(matches("backup copy", "I made a backup. Copy that."));
    }

    @Test
    void indexesFirstWords() {
        assertEquals(Set.of("i", "we"), PhrasePattern.compile("i|we [truly] feel").firstWords());
        assertEquals(Set.of("truly", "i"), PhrasePattern.compile("[truly] i feel").firstWords());
        assertNull(PhrasePattern.compile("_ feel").firstWords());
        assertNull(PhrasePattern.compile("exfil* x").firstWords());
    }

    @Test
    void mistakesAreReportedWithPosition() {
        var e = assertThrows(IllegalArgumentException.class, () -> PhrasePattern.compile("(take over"));
        assertTrue(e.getMessage().contains("missing ')'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PhrasePattern.compile("[maybe]"));
        assertThrows(IllegalArgumentException.class, () -> PhrasePattern.compile("a*b"));
        assertThrows(IllegalArgumentException.class, () -> PhrasePattern.compile("take ) over"));
    }
}

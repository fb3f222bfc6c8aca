package dev.exemplar.audit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real LanguageTool, with the default allowlist, on sentences with and without the errors it must count. */
class GrammarCheckTest {

    @Test
    void countsAgreementErrorsAndWrongWeekdaysAndNothingInCleanText() throws Exception {
        GrammarCheck c = new GrammarCheck(GrammarCheck.DEFAULT_RULES, 2);
        c.check("The checks is due on Friday. Did you finished the rota? She have got the notes.");
        c.check("The meeting is on Tuesday 11 September 2033, in the small room.");  // a Sunday
        GrammarCheck clean = new GrammarCheck(GrammarCheck.DEFAULT_RULES, 2);
        clean.check("The checks are due on Friday. Did you finish the rota? She has the notes. "
                + "The meeting is on Sunday 11 September 2033, in the small room.");
        assertTrue(c.per1000(GrammarCheck.AGREEMENT) > 0, "agreement errors counted: " + c.byRule());
        assertEquals(1, c.matches("EN_DATE_WEEKDAY"), c.byRule().toString());
        assertEquals(0, clean.byRule().size(), "clean text: " + clean.byRule());
        assertEquals(2, c.texts());
        assertTrue(c.words() > 20);
        // Merging two checks adds their counts.
        clean.merge(c);
        assertEquals(1, clean.matches("EN_DATE_WEEKDAY"));
    }

    @Test
    void anUnknownRuleIsRefusedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> new GrammarCheck(List.of("NO_SUCH_RULE"), 1));
        assertTrue(e.getMessage().contains("NO_SUCH_RULE"));
    }
}

package dev.exemplar.audit;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The figures of a grammar check, as printed by {@code exemplar audit --grammar} and written in its
 * JSON: words and documents checked, the agreement set's rate per 1,000 words, the count of dates
 * whose weekday is wrong, and every rule's matches with examples.
 */
public record GrammarFigures(long docs, long words, List<String> agreementRules, double agreementPer1000,
                             long wrongWeekdays, List<GrammarCheck.RuleCount> rules) {

    public static GrammarFigures of(GrammarCheck c) {
        return new GrammarFigures(c.texts(), c.words(), GrammarCheck.AGREEMENT, c.per1000(GrammarCheck.AGREEMENT),
                c.matches("EN_DATE_WEEKDAY"), c.byRule());
    }

    public void print(PrintWriter out) {
        out.println();
        out.println("Grammar (LanguageTool, British English; " + docs + " documents, " + words + " words)");
        out.println(String.format(Locale.ROOT, "  agreement and verb-form rules: %.3f matches per 1,000 words", agreementPer1000));
        out.println("  dates with the wrong weekday (EN_DATE_WEEKDAY): " + wrongWeekdays);
        if (rules.isEmpty()) {
            out.println("  no matches");
            return;
        }
        for (GrammarCheck.RuleCount r : rules) {
            out.println(String.format(Locale.ROOT, "  %-42s %-22s %6d  %.3f per 1,000 words", r.rule(), r.category(), r.matches(), r.per1000Words()));
            for (GrammarCheck.Example e : r.examples()) out.println("      \"…" + e.context() + "…\"");
        }
    }
}

package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.spec.FilterSettings;
import dev.exemplar.text.Counts;

/** Rejects documents outside the word-count bounds ({@code too_short}, {@code too_long}). */
public final class LengthFilter implements DocumentFilter {
    private final FilterSettings.Length s;

    public LengthFilter(FilterSettings.Length settings) {
        this.s = settings;
    }

    @Override
    public String name() { return "length"; }

    @Override
    public Verdict check(Document doc) {
        int words = TextView.of(doc).rawTokens(); // WordCounter's count, from the shared analysis
        doc.scores().put("words", words);
        if (words < s.minWords()) return Verdict.reject("too_short", Counts.of(words, "word") + ", below the minimum of " + s.minWords());
        if (words > s.maxWords()) return Verdict.reject("too_long", Counts.of(words, "word") + ", above the maximum of " + s.maxWords());
        return Verdict.KEEP;
    }
}

package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.text.WordCounter;

/** Rejects documents shorter or longer than the configured word bounds. */
public final class LengthFilter implements DocumentFilter {
    private final int minWords;
    private final int maxWords;

    public LengthFilter(int minWords, int maxWords) {
        this.minWords = minWords;
        this.maxWords = maxWords;
    }

    @Override
    public String name() { return "length"; }

    @Override
    public Verdict check(Document doc) {
        int words = WordCounter.count(doc.text());
        if (words < minWords) return Verdict.reject("too_short", words + " words, minimum " + minWords);
        if (words > maxWords) return Verdict.reject("too_long", words + " words, maximum " + maxWords);
        return Verdict.KEEP;
    }
}

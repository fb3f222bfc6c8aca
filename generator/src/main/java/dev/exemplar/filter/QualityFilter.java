package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.spec.FilterSettings;

/**
 * Gopher quality heuristics for short prose: mean word length, symbol-to-word ratio ({@code #},
 * ellipses), share of words with a letter, Gopher stop words present, and the share of lines
 * ending in punctuation (FineWeb). Scores: {@code mean_word_length}, {@code symbol_ratio},
 * {@code alpha_words}, {@code stop_words}, {@code punctuated_lines}.
 */
public final class QualityFilter implements DocumentFilter {
    /** Gopher's stop words: real English prose uses several of these in every paragraph. */
    static final WordTable<Boolean> GOPHER_STOP_WORDS = WordTable.setOf("the", "be", "to", "of", "and", "that", "have", "with");

    private final FilterSettings.Quality s;

    public QualityFilter(FilterSettings.Quality settings) {
        this.s = settings;
    }

    @Override
    public String name() { return "quality"; }

    @Override
    public Verdict check(Document doc) {
        TextView v = TextView.of(doc);
        String text = doc.text();
        if (v.size() == 0) return Verdict.reject("no_words", "the text has no words");
        int stop = GOPHER_STOP_WORDS.count(v.wordHashes());
        double mean = v.wordChars() / (double) v.size();
        int symbols = count(text, "#") + count(text, "...") + count(text, "\u2026");
        double symbolRatio = symbols / (double) v.size();
        double alpha = v.rawTokens() == 0 ? 0 : v.rawTokensWithLetter() / (double) v.rawTokens();
        double punctuated = punctuatedLines(text);
        if (punctuated < s.minPunctuatedLines()) punctuated = Math.max(punctuated, withoutSignature(text));
        Scores.put(doc, "mean_word_length", mean);
        Scores.put(doc, "symbol_ratio", symbolRatio);
        Scores.put(doc, "alpha_words", alpha);
        doc.scores().put("stop_words", stop);
        Scores.put(doc, "punctuated_lines", punctuated);
        if (mean < s.minMeanWordLength() || mean > s.maxMeanWordLength()) {
            return Verdict.reject("mean_word_length", "mean word length " + Scores.fmt(mean) + " outside "
                    + s.minMeanWordLength() + ".." + s.maxMeanWordLength());
        }
        if (symbolRatio > s.maxSymbolRatio()) {
            return Verdict.reject("symbol_ratio", "symbols (#, ...) per word " + Scores.fmt(symbolRatio) + " above " + s.maxSymbolRatio());
        }
        if (alpha < s.minAlphaWords()) {
            return Verdict.reject("alpha_words", "only " + Scores.fmt(alpha) + " of words contain a letter (minimum " + s.minAlphaWords() + ")");
        }
        if (stop < s.minStopWords()) {
            return Verdict.reject("stop_words", stop + " of the stop words the/be/to/of/and/that/have/with (minimum " + s.minStopWords() + ")");
        }
        if (punctuated < s.minPunctuatedLines()) {
            return Verdict.reject("punctuated_lines", "only " + Scores.fmt(punctuated) + " of lines end in punctuation (minimum " + s.minPunctuatedLines() + ")");
        }
        return Verdict.KEEP;
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) n++;
        return n;
    }

    /**
     * {@link #punctuatedLines} of the text before a letter's closing signature ("Warm regards,\nTomas
     * Lindqvist\nVolunteer Coordinator"): a short letter is mostly such lines, none of them punctuated.
     */
    static double withoutSignature(String text) {
        int to = text.length();
        while (to > 0 && Character.isWhitespace(text.charAt(to - 1))) to--;
        int sig = LetterEnding.start(text, 0, to);
        return sig > 0 ? punctuatedLines(text.substring(0, sig)) : 0;
    }

    /** Share of non-blank lines whose last character is terminal punctuation or a closing quote. */
    static double punctuatedLines(String text) {
        int lines = 0, punct = 0;
        int end = text.length();
        while (end > 0) {
            int start = text.lastIndexOf('\n', end - 1) + 1;
            int e = end;
            while (e > start && Character.isWhitespace(text.charAt(e - 1))) e--;
            if (e > start) {
                lines++;
                if (".!?\"'\u201d\u2019)\u2026:;]*".indexOf(text.charAt(e - 1)) >= 0) punct++;
            }
            end = start - 1;
        }
        return lines == 0 ? 0 : punct / (double) lines;
    }
}

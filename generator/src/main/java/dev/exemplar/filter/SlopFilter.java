package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.spec.FilterSettings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Model-output artefacts that never belong in a corpus document: an assistant preamble
 * ({@code preamble}: "Sure! Here is a short story..."), a sign-off ({@code sign_off}: "I hope
 * this helps", "Let me know if..."), a refusal at the start ({@code refusal}), the "As an AI
 * language model" disclaimer ({@code ai_disclaimer}), markdown debris ({@code markdown}: code
 * fences and bold or underscore emphasis; headings and tables are kept, since reports and notes
 * legitimately have sections) and an unfinished ending ({@code unfinished}). An AI
 * character declining something inside a story is not a refusal: only an opening outside quotes is checked.
 */
public final class SlopFilter implements DocumentFilter {
    private static final int HEAD = 240, TAIL = 320;

    private static final Pattern PREAMBLE = Pattern.compile(
            "^[\\s*#>_]*(?:(?:sure|certainly|of course|absolutely|great|okay|ok|alright)\\b[^\\n]{0,40}?[!.,:]\\s*"
                    + "|(?:here(?:'s|\u2019s| is| are)|below is|the following is|i(?:'ve|\u2019ve| have) written)\\b[^\\n]{0,100}?"
                    + "\\b(?:story|stories|article|transcript|draft|version|piece|entry|letter|email|scene|report|thread|excerpt|notes|fable|interview|account|text|screenplay|diary)\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGN_OFF = Pattern.compile(
            "\\b(?:i hope (?:this|that|you|it) (?:helps|meets|works|enjoy|captures|fits)|let me know if|feel free to (?:ask|let|adjust|modify|request)"
                    + "|would you like me to|i(?:'d|\u2019d| would) be happy to (?:adjust|revise|help|expand|write|make)"
                    + "|if you(?:'d|\u2019d| would) like(?:,| me to| any)|hope you enjoy(?:ed)? (?:the|this|it)|happy to make (?:any )?changes"
                    + "|i can (?:also )?(?:adjust|revise|expand|shorten|rewrite) (?:the|this|it))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REFUSAL = Pattern.compile(
            "^[\\s*#>_]*(?:i(?:'m|\u2019m| am) sorry,? (?:but )?i (?:can(?:not|'t|\u2019t)|am unable|won(?:'t|\u2019t))"
                    + "|i (?:cannot|can(?:'t|\u2019t)|am unable to|won(?:'t|\u2019t)|will not) (?:help|assist|write|create|fulfil|fulfill|comply|provide|generate|produce)"
                    + "|i must (?:decline|refuse)|unfortunately,? i (?:cannot|can(?:'t|\u2019t)|am unable))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DISCLAIMER = Pattern.compile(
            "\\bas an ai (?:language )?model\\b|\\bas a (?:large )?language model\\b|\\bi(?:'m|\u2019m| am) (?:just )?an ai language model\\b"
                    + "|\\bas an ai developed by\\b|\\bmy knowledge cut-?off\\b|\\bmy training data (?:only )?(?:goes|extends) (?:up )?to\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKDOWN = Pattern.compile(
            "```|\\*\\*[^*\\n]{1,80}\\*\\*|__[^_\\n]{1,80}__",
            Pattern.MULTILINE);

    private final FilterSettings.Slop s;

    public SlopFilter(FilterSettings.Slop settings) {
        this.s = settings;
    }

    @Override
    public String name() { return "slop"; }

    @Override
    public Verdict check(Document doc) {
        String text = doc.text();
        // The stripped text as bounds, not a copy: matchers run on regions of the original
        // (opaque, anchoring bounds, so ^ and \b behave as on a substring).
        int from = 0, to = text.length();
        while (from < to && Character.isWhitespace(text.charAt(from))) from++;
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) to--;
        Matcher m;
        if (s.preamble() && (m = PREAMBLE.matcher(text).region(from, Math.min(to, from + HEAD))).lookingAt()) {
            return Verdict.reject("preamble", "assistant preamble \"" + m.group().strip() + "\"");
        }
        if (s.refusal() && (m = REFUSAL.matcher(text).region(from, Math.min(to, from + HEAD))).lookingAt()) {
            return Verdict.reject("refusal", "starts with a refusal \"" + m.group().strip() + "\"");
        }
        // Each full-text regex runs only when a literal it needs is present: most texts skip them all.
        if (s.aiDisclaimer() && mayDisclaim(TextView.of(doc).wordHashes()) && (m = DISCLAIMER.matcher(text).region(from, to)).find()) {
            return Verdict.reject("ai_disclaimer", "assistant disclaimer \"" + m.group() + "\"");
        }
        int tail = Math.max(from, to - TAIL);
        if (s.signOff() && maySignOff(text, tail, to)) {
            m = SIGN_OFF.matcher(text).region(tail, to);
            while (m.find()) {
                if (Voice.own(text, m.start())) return Verdict.reject("sign_off", "assistant sign-off \"" + m.group() + "\"");
            }
        }
        if (s.markdown() && mayBeMarkdown(text) && (m = MARKDOWN.matcher(text).region(from, to)).find()) {
            return Verdict.reject("markdown", "markdown debris \"" + m.group().strip() + "\"");
        }
        if (s.unfinished() && (to == from || !finishedMark(text.charAt(to - 1))) && unfinished(text.substring(from, to))) {
            String t = text.substring(from, to);
            String end = t.substring(Math.max(0, t.length() - 40)).replace('\n', ' ');
            return Verdict.reject("unfinished", "the text stops mid-sentence: \"..." + end + "\"");
        }
        return Verdict.KEEP;
    }

    /** Whether the words hold what {@link #DISCLAIMER} needs: "model", "cutoff", "knowledge" with "cut", ... */
    private static boolean mayDisclaim(long[] h) {
        for (int i = 0; i + 1 < h.length; i++) {
            long[] next = DISCLAIMER_PAIRS.get(h[i]);
            if (next != null) for (long n : next) if (n == h[i + 1]) return true;
        }
        return false;
    }

    /**
     * Word pairs of which every alternative of {@link #DISCLAIMER} holds one, side by side: "ai
     * model", "ai language", "language model", "ai developed", "knowledge cut(off)", "training data".
     */
    private static final WordTable<long[]> DISCLAIMER_PAIRS = new WordTable<>();

    static {
        DISCLAIMER_PAIRS.put("ai", hashes("model", "language", "developed"));
        DISCLAIMER_PAIRS.put("language", hashes("model"));
        DISCLAIMER_PAIRS.put("knowledge", hashes("cut", "cutoff"));
        DISCLAIMER_PAIRS.put("training", hashes("data"));
    }

    private static long[] hashes(String... words) {
        return java.util.Arrays.stream(words).mapToLong(TextView::wordHash).toArray();
    }

    /** Every alternative of {@link #SIGN_OFF} contains one of these (ASCII case-insensitively). */
    private static final String[] SIGN_OFF_LITERALS = {"i hope ", "hope you enjoy", "let me know if", "feel free to ",
            "would you like me to", "happy to ", "if you'd like", "if you\u2019d like", "if you would like", "i can adjust",
            "i can revise", "i can expand", "i can shorten", "i can rewrite", "i can also "};

    private static boolean maySignOff(String text, int from, int to) {
        char[] lower = new char[to - from];
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            lower[i - from] = c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
        }
        String tail = new String(lower);
        for (String l : SIGN_OFF_LITERALS) if (tail.contains(l)) return true;
        return false;
    }

    private static boolean mayBeMarkdown(String t) {
        return t.contains("```") || t.contains("**") || t.contains("__");
    }

    /**
     * True when the text ends mid-sentence. A short last line after a line ending in a comma
     * is a letter's signature ("Warmly,\nPriya"), and a short last line is a heading-like
     * closing ("THE END", "Fade out"); both are finished.
     */
    static boolean unfinished(String t) {
        if (t.isEmpty()) return true;
        char last = t.charAt(t.length() - 1);
        if (finishedMark(last)) return false;
        if (last == ';' || last == ':' || last == '-' || last == '(') return true;
        int nl = t.lastIndexOf('\n');
        if (last != ',' && last != '\u2014' && tokensUpTo5(t.substring(nl + 1).strip()) <= 4) return false;
        // A letter's signature: "Warm regards,\nTomas Lindqvist\nVolunteer Coordinator" or "..., Tomas Lindqvist, Coordinator".
        if (LetterEnding.start(t, 0, t.length()) >= 0) return false;
        // A long last line that ends in a letter or digit was cut off.
        return true;
    }

    /**
     * The number of pieces {@code line.split("\\s+")} would give, counted only up to 5: runs of
     * characters other than ASCII whitespace (an empty line is one piece, as with split).
     */
    private static int tokensUpTo5(String line) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < line.length() && n < 5; i++) {
            char c = line.charAt(i);
            boolean space = c == ' ' || (c >= '\t' && c <= '\r');
            if (!space && !in) n++;
            in = !space;
        }
        return Math.max(n, 1);
    }

    /** Terminal punctuation, a closing quote or bracket: the text ended on purpose. */
    private static boolean finishedMark(char last) {
        return ".!?\"'\u201d\u2019)\u2026]*>".indexOf(last) >= 0;
    }
}

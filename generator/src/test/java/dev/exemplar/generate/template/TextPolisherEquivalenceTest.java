package dev.exemplar.generate.template;

import dev.exemplar.plan.PlannedSample;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TextPolisher}'s scanners replaced regular expressions for speed; the corpus must stay
 * byte-identical, so each scanner is checked against the regular expression it replaced (kept
 * here as the reference) on rendered drafts and on random text full of corner cases.
 */
class TextPolisherEquivalenceTest {

    /** Each rewritten rule, paired with the regular-expression implementation it must equal. */
    private static final Map<String, UnaryOperator<String>[]> RULES = new LinkedHashMap<>();

    static {
        rule("normaliseLines", TextPolisher::normaliseLines, Reference::normaliseLines);
        rule("dropSpacesBeforePunctuation", t -> TextPolisher.dropSpacesBeforePunctuation(t, t.toCharArray()),
                replaceAll(" +([,.;:!?])", "$1"));
        rule("collapseWeakRuns", t -> TextPolisher.collapseWeakRuns(t, t.toCharArray()),
                replaceAll("([,;:])(?:\\s*[,;:])+", "$1"));
        rule("dropWeakBeforeStop", t -> TextPolisher.dropWeakBeforeStop(t, t.toCharArray()),
                replaceAll("[,;:]+\\s*([.!?])", "$1"));
        rule("dropWeakAfterStop", t -> TextPolisher.dropWeakAfterStop(t, t.toCharArray()),
                replaceAll("([.!?])[,;]", "$1"));
        rule("collapseDoubleStops", t -> TextPolisher.collapseDoubleStops(t, t.toCharArray()),
                Reference.DOUBLE_STOP);
        rule("fixPunctuation", TextPolisher::fixPunctuation, Reference::fixPunctuation);
        rule("capitaliseLineStarts", t -> TextPolisher.capitaliseLineStarts(t, t.toCharArray()),
                Reference.upper("(?m)^([\"'*#>\\-\\s]*)(\\p{Ll})"));
        rule("capitaliseSentenceStarts", t -> TextPolisher.capitaliseSentenceStarts(t, t.toCharArray()),
                Reference.upper("((?:\\.[\"')\\]]?|[!?])\\s+[\"'(*]*)(\\p{Ll})"));
    }

    private static UnaryOperator<String> replaceAll(String regex, String replacement) {
        Pattern p = Pattern.compile(regex);
        return t -> p.matcher(t).replaceAll(replacement);
    }

    @SuppressWarnings("unchecked")
    private static void rule(String name, UnaryOperator<String> scanner, UnaryOperator<String> reference) {
        RULES.put(name, new UnaryOperator[] {scanner, reference});
    }

    @Test
    void scannersEqualTheirRegularExpressionsOnRenderedDrafts() throws Exception {
        int checked = 0;
        for (PlannedSample s : TemplateCorpus.samples(7L, 650)) {
            String draft = TemplateCorpus.GENERATOR.draft(s, TemplateGenerator.templateName(s.format())).text();
            String normalised = Reference.normaliseLines(draft);
            for (String input : new String[] {draft, normalised, Reference.fixPunctuation(normalised)}) {
                checked += checkAll(input);
            }
        }
        assertTrue(checked > 10_000, "too few comparisons: " + checked);
    }

    @Test
    void scannersEqualTheirRegularExpressionsOnRandomText() {
        // Characters every rule reacts to, plus the Unicode corner cases of Java's regex classes.
        String[] alphabet = {"a", "A", "n", "i", "I", "e", "u", "h", "o", "x", "b", "1", "8", "_", "-", "'", "\"",
                "(", ")", "]", "*", "#", ">", " ", " ", "  ", "\t", "\u00a0", "\u2003", "\n", "\n\n", "\r", "\r\n",
                "\u0085", "\u2028", "\u000b", "\f", ",", ";", ":", ".", "..", "...", "!", "?", "é", "ß", "ŉ", "İ",
                "\u0301", "\uD835\uDC00", "\uD801\uDC28", "Mara: ", "an hour", "a apple", " i ", "told I", "USB",
                "Name:", "an"};
        SplittableRandom rng = new SplittableRandom(20261128L);
        for (int i = 0; i < 60_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = rng.nextInt(24); k > 0; k--) sb.append(alphabet[rng.nextInt(alphabet.length)]);
            checkAll(sb.toString());
        }
        // A long label prefix around the 40-code-point limit, in chars and in surrogate pairs.
        for (int len = 35; len <= 45; len++) {
            checkAll("x".repeat(len) + ": yes");
            checkAll("\uD801\uDC28".repeat(len) + ": yes");
        }
    }

    /** Compares every rule on {@code input}; returns how many comparisons were made. */
    private static int checkAll(String input) {
        for (var e : RULES.entrySet()) {
            String expected = e.getValue()[1].apply(input);
            String actual = e.getValue()[0].apply(input);
            if (!expected.equals(actual)) {
                assertEquals(escape(expected), escape(actual), e.getKey() + " differs on \"" + escape(input) + "\"");
            }
        }
        return RULES.size();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c >= 0x20 && c < 0x7f) sb.appendCodePoint(c);
            else sb.append(String.format("\\u%04x", c));
        });
        return sb.toString();
    }

    /** The regular-expression implementations the polisher used before its scanners. */
    private static final class Reference {
        private static final Pattern DOUBLE_STOP_RE = Pattern.compile("(?<!\\.)\\.\\.(?!\\.)|([!?])\\.(?!\\.)");
        static final UnaryOperator<String> DOUBLE_STOP = t -> DOUBLE_STOP_RE.matcher(t)
                .replaceAll(m -> m.group(1) != null ? m.group(1) : ".");
        private static final Pattern ANY_FAULT = Pattern.compile(" [,.;:!?]|[,;:]\\s*[,;:.!?]|[.!?][,;]|\\.\\.|[!?]\\.");
        private static final Pattern SPACES = Pattern.compile("[ \\t\\u00a0]+");
        private static final Pattern BLANK_RUNS = Pattern.compile("\\n{3,}");
        static String normaliseLines(String raw) {
            String[] lines = raw.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
            StringBuilder sb = new StringBuilder(raw.length());
            for (String line : lines) sb.append(SPACES.matcher(line).replaceAll(" ").strip()).append('\n');
            return BLANK_RUNS.matcher(sb).replaceAll("\n\n").strip();
        }

        static String fixPunctuation(String t) {
            if (!ANY_FAULT.matcher(t).find()) return t;
            for (String rule : new String[] {"dropSpacesBeforePunctuation", "collapseWeakRuns", "dropWeakBeforeStop",
                    "dropWeakAfterStop", "collapseDoubleStops"}) {
                t = RULES.get(rule)[1].apply(t);
            }
            return t;
        }

        static UnaryOperator<String> upper(String regex) {
            Pattern p = Pattern.compile(regex);
            return t -> p.matcher(t).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2).toUpperCase(Locale.ROOT)));
        }
    }
}

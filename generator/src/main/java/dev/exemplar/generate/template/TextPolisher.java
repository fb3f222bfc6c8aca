package dev.exemplar.generate.template;

import java.util.Locale;

/**
 * The last pass over every rendered document, and only a surface one: agreement (articles,
 * pronouns, verbs) is the grammar's job ({@link Expansion}, {@link Persons}, {@link NounPhrase}),
 * so this pass fixes nothing about words. It keeps the layout regular where templates join parts:
 *
 * <ul>
 *   <li>one space between words, none at line ends, none before {@code , . ; : ! ?};</li>
 *   <li>no doubled punctuation where a part's own full stop meets the template's ({@code ?.} {@code .,});</li>
 *   <li>a capital letter at the start of every sentence and line (a skeleton capitalises the text
 *       after its own labels, "Name: text", where it knows they are labels);</li>
 *   <li>paragraphs separated by exactly one blank line;</li>
 *   <li>terminal punctuation at the end of the document, unless it ends with a signature.</li>
 * </ul>
 *
 * <p>The rules are hand-written single-pass scanners rather than regular expressions, because this
 * pass runs over every document. Each scanner's Javadoc gives the regular expression it is exactly
 * equivalent to (Java's semantics, with {@code \s} = {@code [ \t\n\x0B\f\r]});
 * {@code TextPolisherEquivalenceTest} checks that equivalence on rendered documents and random text.
 */
public final class TextPolisher {
    private TextPolisher() {}

    /** Applies every rule, in an order where later rules cannot undo earlier ones. */
    public static String polish(String raw) {
        Draft d = new Draft(normaliseLines(raw));
        fixPunctuation(d);
        capitalise(d);
        return terminate(d.text);
    }

    /** A rule reads the text and, to scan it quickly, its characters; it returns the text itself when nothing changes. */
    @FunctionalInterface
    interface Rule {
        String apply(String text, char[] chars);
    }

    /** The text between rules, with its characters copied out again only after a rule has changed it. */
    private static final class Draft {
        private String text;
        private char[] chars;

        Draft(String text) {
            this.text = text;
            this.chars = text.toCharArray();
        }

        void apply(Rule rule) {
            String out = rule.apply(text, chars);
            if (out != text) {
                text = out;
                chars = out.toCharArray();
            }
        }
    }

    /**
     * Collapses runs of {@code [ \t\u00a0]} to one space, strips every line, and separates paragraphs
     * by exactly one blank line; line breaks may be {@code \n}, {@code \r\n} or {@code \r}.
     */
    static String normaliseLines(String raw) {
        char[] c = raw.toCharArray();
        int n = c.length;
        StringBuilder sb = new StringBuilder(n);
        boolean blankSinceLastLine = false;
        for (int i = 0; ; ) {
            int end = i;
            while (end < n && c[end] != '\n' && c[end] != '\r') end++;
            int s = i, e = end;
            while (s < e && strippable(c[s])) s++;
            while (e > s && strippable(c[e - 1])) e--;
            if (s == e) {
                blankSinceLastLine = sb.length() > 0;
            } else {
                if (sb.length() > 0) sb.append(blankSinceLastLine ? "\n\n" : "\n");
                blankSinceLastLine = false;
                for (int k = s; k < e; k++) {
                    if (isHorizontalSpace(c[k])) {
                        while (isHorizontalSpace(c[k + 1])) k++;  // e ends on a non-space, so k + 1 < e
                        sb.append(' ');
                    } else {
                        int run = k;  // copy a run of other characters at once
                        while (k + 1 < e && !isHorizontalSpace(c[k + 1])) k++;
                        sb.append(c, run, k + 1 - run);
                    }
                }
            }
            if (end >= n) break;
            i = end + (c[end] == '\r' && end + 1 < n && c[end + 1] == '\n' ? 2 : 1);
        }
        return sb.toString();
    }

    /** What {@code strip()} removes once the horizontal spaces have become plain spaces. */
    private static boolean strippable(char c) {
        return c == ' ' || c == '\u00a0' || Character.isWhitespace(c);
    }

    private static boolean isHorizontalSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00a0';
    }

    /**
     * Removes spaces before punctuation and doubled punctuation, in five passes applied in turn:
     * {@code " +([,.;:!?])"} → {@code $1}; {@code "([,;:])(?:\s*[,;:])+"} → {@code $1};
     * {@code "[,;:]+\s*([.!?])"} → {@code $1}; {@code "([.!?])[,;]"} → {@code $1};
     * {@code "(?<!\.)\.\.(?!\.)|([!?])\.(?!\.)"} → {@code .} or {@code $1}. An ellipsis ({@code ...}) stays.
     */
    static String fixPunctuation(String t) {
        Draft d = new Draft(t);
        fixPunctuation(d);
        return d.text;
    }

    private static void fixPunctuation(Draft d) {
        if (!mayNeedPunctuationFix(d.chars)) return;  // most documents: one scan instead of five
        d.apply(TextPolisher::dropSpacesBeforePunctuation);
        d.apply(TextPolisher::collapseWeakRuns);
        d.apply(TextPolisher::dropWeakBeforeStop);
        d.apply(TextPolisher::dropWeakAfterStop);
        d.apply(TextPolisher::collapseDoubleStops);
    }

    /** True when one of the five passes could match: a space, a weak mark or a stop before punctuation. */
    private static boolean mayNeedPunctuationFix(char[] s) {
        int n = s.length;
        for (int i = 0; i + 1 < n; i++) {
            char c = s[i], next = s[i + 1];
            if (c == ' ' && ",.;:!?".indexOf(next) >= 0) return true;
            if (isStop(c) && (next == ',' || next == ';' || next == '.')) return true;
            if (isWeak(c)) {
                int k = i + 1;
                while (k < n && isRegexSpace(s[k])) k++;
                if (k < n && (isWeak(s[k]) || isStop(s[k]))) return true;
            }
        }
        return false;
    }

    static String dropSpacesBeforePunctuation(String t, char[] s) {
        Edits ed = new Edits(t);
        int n = s.length;
        for (int i = 0; i < n; i++) {
            if (s[i] != ' ') continue;
            int j = i + 1;
            while (j < n && s[j] == ' ') j++;
            if (j < n && ",.;:!?".indexOf(s[j]) >= 0) ed.replace(i, j, "");
            i = j;
        }
        return ed.result();
    }

    static String collapseWeakRuns(String t, char[] s) {
        Edits ed = new Edits(t);
        int n = s.length;
        for (int i = 0; i < n; i++) {
            if (!isWeak(s[i])) continue;
            int end = -1;
            for (int k = i + 1; ; ) {
                while (k < n && isRegexSpace(s[k])) k++;
                if (k >= n || !isWeak(s[k])) break;
                end = ++k;
            }
            if (end > 0) {
                ed.replace(i + 1, end, "");
                i = end - 1;
            }
        }
        return ed.result();
    }

    static String dropWeakBeforeStop(String t, char[] s) {
        Edits ed = new Edits(t);
        int n = s.length;
        for (int i = 0; i < n; i++) {
            if (!isWeak(s[i])) continue;
            int j = i + 1;
            while (j < n && isWeak(s[j])) j++;
            int k = j;
            while (k < n && isRegexSpace(s[k])) k++;
            if (k < n && isStop(s[k])) {
                ed.replace(i, k, "");
                i = k;
            } else {
                i = j - 1;  // a match cannot start inside this run either
            }
        }
        return ed.result();
    }

    static String dropWeakAfterStop(String t, char[] s) {
        Edits ed = new Edits(t);
        for (int i = 0; i + 1 < s.length; i++) {
            char next = s[i + 1];
            if (isStop(s[i]) && (next == ',' || next == ';')) {
                ed.replace(i + 1, i + 2, "");
                i++;
            }
        }
        return ed.result();
    }

    static String collapseDoubleStops(String t, char[] s) {
        Edits ed = new Edits(t);
        int n = s.length;
        for (int i = 0; i + 1 < n; i++) {
            char c = s[i];
            if (s[i + 1] != '.' || (i + 2 < n && s[i + 2] == '.')) continue;
            boolean doubled = c == '.' ? i == 0 || s[i - 1] != '.' : c == '!' || c == '?';
            if (doubled) {
                ed.replace(i + 1, i + 2, "");
                i++;
            }
        }
        return ed.result();
    }

    private static boolean isWeak(char c) {
        return c == ',' || c == ';' || c == ':';
    }

    private static boolean isStop(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    /** Java's {@code \s} without the Unicode flag. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /**
     * Capitalises line starts ({@code (?m)^(["'*#>\-\s]*)(\p{Ll})}), then sentence starts
     * ({@code ((?:\.["')\]]?|[!?])\s+["'(*]*)(\p{Ll})}).
     */
    static String capitalise(String t) {
        Draft d = new Draft(t);
        capitalise(d);
        return d.text;
    }

    private static void capitalise(Draft d) {
        d.apply(TextPolisher::capitaliseLineStarts);
        d.apply(TextPolisher::capitaliseSentenceStarts);
    }

    static String capitaliseLineStarts(String t, char[] s) {
        Edits ed = new Edits(t);
        int n = s.length;
        for (int p = 0; p < n; p++) {
            if (!lineStart(s, p)) continue;
            int r = p;
            // Not after an opening bracket: a screenplay's "(a beat)" stays lower case.
            while (r < n && (isRegexSpace(s[r]) || "\"'*#>-".indexOf(s[r]) >= 0)) r++;
            p = upperIfLowercase(s, r, ed, p);
        }
        return ed.result();
    }

    static String capitaliseSentenceStarts(String t, char[] s) {
        Edits ed = new Edits(t);
        int n = s.length;
        for (int p = 0; p < n; p++) {
            char c = s[p];
            int j;
            if (c == '.') {
                j = p + 1 < n && "\"')]".indexOf(s[p + 1]) >= 0 ? p + 2 : p + 1;
            } else if (c == '!' || c == '?') {
                j = p + 1;
            } else {
                continue;
            }
            int r = j;
            while (r < n && isRegexSpace(s[r])) r++;
            if (r == j) continue;
            while (r < n && isOpener(s[r])) r++;
            p = upperIfLowercase(s, r, ed, p);
        }
        return ed.result();
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '\'' || c == '(' || c == '*';
    }

    /**
     * Upper-cases the code point at {@code r} when it is a lower-case letter ({@code \p{Ll}}) and
     * returns where the scan resumes: after that letter when it matched, else at {@code p}.
     */
    private static int upperIfLowercase(char[] s, int r, Edits ed, int p) {
        if (r >= s.length) return p;
        int cp = Character.codePointAt(s, r);
        if (Character.getType(cp) != Character.LOWERCASE_LETTER) return p;
        int len = Character.charCount(cp);
        // String.toUpperCase, not Character's: "ß" becomes "SS" exactly as a regex replacement did.
        ed.replace(r, r + len, cp >= 'a' && cp <= 'z' ? String.valueOf((char) (cp - 32))
                : Character.toString(cp).toUpperCase(Locale.ROOT));
        return r + len - 1;
    }

    /** Where {@code (?m)^} matches: the start, or after a line terminator other than the end of the text. */
    private static boolean lineStart(char[] s, int p) {
        if (p == 0) return true;
        char ch = s[p - 1];
        if (ch != '\n' && ch != '\r' && (ch | 1) != '\u2029' && ch != '\u0085') return false;
        return !(ch == '\r' && s[p] == '\n');  // \r\n is one line break
    }

    /** Ends the document with terminal punctuation, inside a closing quote if there is one. */
    static String terminate(String t) {
        if (t.isEmpty()) return t;
        char last = t.charAt(t.length() - 1);
        if (isSignature(t)) return t;
        if (".!?".indexOf(last) >= 0) return t;
        if (last == ')') return t + ".";  // "(owner: Ama)." the stop closes the sentence, not the bracket
        if (last == '"' || last == '\'') {
            char before = t.length() > 1 ? t.charAt(t.length() - 2) : ' ';
            if (".!?".indexOf(before) >= 0) return t;
            return t.substring(0, t.length() - 1) + "." + last;
        }
        if (last == ',' || last == ';' || last == ':') return t.substring(0, t.length() - 1) + ".";
        return t + ".";
    }

    /**
     * True when the document ends with a signature: a last line of at most three words, all
     * capitalised, under a line that ends with a comma ("Best wishes,\nAma Owusu"). A name takes
     * no full stop.
     */
    private static boolean isSignature(String t) {
        int nl = t.lastIndexOf('\n');
        if (nl < 1 || t.charAt(nl - 1) != ',') return false;
        String[] words = t.substring(nl + 1).trim().split(" ");
        if (words.length > 3) return false;
        for (String w : words) if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) return false;
        return true;
    }

    /**
     * A copy of a string with some ranges replaced, made in one left-to-right pass; nothing is
     * allocated until the first replacement, so a scanner that finds nothing returns its input.
     */
    private static final class Edits {
        private final String src;
        private StringBuilder out;
        private int copied;

        Edits(String src) {
            this.src = src;
        }

        /** Replaces {@code src[from, to)}; ranges must come in increasing order. */
        void replace(int from, int to, String with) {
            if (out == null) out = new StringBuilder(src.length() + 16);
            out.append(src, copied, from).append(with);
            copied = to;
        }

        String result() {
            return out == null ? src : out.append(src, copied, src.length()).toString();
        }
    }
}

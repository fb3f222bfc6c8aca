package dev.exemplar.generate.template;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The last pass over every rendered document: it enforces the surface rules that templates
 * assembled from independent parts cannot guarantee on their own. Each rule is a small method
 * so tests can exercise it alone.
 *
 * <ul>
 *   <li>one space between words, none at line ends, none before {@code , . ; : ! ?};</li>
 *   <li>no doubled punctuation ({@code ,,} {@code .,} {@code ?.}) and no doubled little words ("the the");</li>
 *   <li>{@code a}/{@code an} agreeing with the sound of the next word;</li>
 *   <li>a capital letter at the start of every sentence, line and labelled line ("Name: text");</li>
 *   <li>paragraphs separated by exactly one blank line;</li>
 *   <li>terminal punctuation at the end of the document.</li>
 * </ul>
 *
 * <p>The rules are hand-written single-pass scanners rather than regular expressions, because this
 * pass runs over every document and regular expressions made it the largest cost of template
 * generation. Each scanner's Javadoc gives the regular expression it is exactly equivalent to
 * (Java's semantics, with {@code \s} = {@code [ \t\n\x0B\f\r]} and {@code \w} = {@code [a-zA-Z_0-9]});
 * {@code TextPolisherEquivalenceTest} checks that equivalence on rendered documents and random text.
 */
public final class TextPolisher {
    private TextPolisher() {}

    /** Words after which a first-person "I" must be "me" ("told I" comes from reusing third-person beats). */
    private static final Set<String> OBJECT_I_AFTER = Set.of(
            "told", "asked", "with", "to", "for", "at", "gave", "showed", "reminded", "by", "from", "of", "about",
            "thanked", "helped", "toward", "towards", "behind", "beside", "without", "tell", "ask", "give", "show",
            "remind", "thank", "help", "emailed", "messaged", "pinged", "walked", "talked", "walk", "talk",
            "left", "sent", "send", "posted", "saved", "offered", "offer", "passed", "handed", "pointed",
            "texted", "warned", "reassured", "invited", "forwarded", "let", "kept", "bothering", "bothered");
    private static final Pattern POSSESSIVE_I = Pattern.compile("\\bI's\\b");
    private static final Pattern U_AS_YOU = Pattern.compile("u(ni|s[aeiu]|t[ei]|r[aeiou]|ku|ro|bi|ga|ri)");
    private static final Set<String> SMALL_WORDS = Set.of(
            "the", "a", "an", "to", "of", "and", "in", "on", "at", "is", "was", "it", "that", "for", "with",
            "after", "before", "when", "while", "because", "but");

    /** Applies every rule, in an order where later rules cannot undo earlier ones. */
    public static String polish(String raw) {
        Draft d = new Draft(normaliseLines(raw));
        fixPunctuation(d);
        d.apply(TextPolisher::fixDoubledWords);
        d.apply(TextPolisher::capitaliseLoneI);
        d.apply((t, s) -> fixObjectI(t));
        d.apply(TextPolisher::fixArticles);
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
     * First-person narration reuses third-person beats: "told I" becomes "told me", "I's" becomes
     * "my" (after {@link #capitaliseLoneI} has made a lone "i" an "I").
     */
    private static String fixObjectI(String t) {
        for (int i = t.indexOf(" I"); i >= 0; i = t.indexOf(" I", i + 2)) {
            int after = i + 2;
            if (after < t.length() && (Character.isLetterOrDigit(t.charAt(after)) || t.charAt(after) == '\'')) continue;
            int start = i;
            while (start > 0 && Character.isLetter(t.charAt(start - 1))) start--;
            if (start == i || !OBJECT_I_AFTER.contains(t.substring(start, i).toLowerCase(Locale.ROOT))) continue;
            t = t.substring(0, i + 1) + "me" + t.substring(i + 2);  // rare: a few times per first-person document
        }
        return t.contains("I's") ? POSSESSIVE_I.matcher(t).replaceAll("my") : t;
    }

    /** A lone lower-case "i" becomes "I": {@code (?<![\w'-])i(?=['\s,.;:!?])}. */
    static String capitaliseLoneI(String t, char[] s) {
        Edits ed = new Edits(t);
        int n = s.length;
        for (int i = t.indexOf('i'); i >= 0 && i + 1 < n; i = t.indexOf('i', i + 1)) {
            char before = i > 0 ? s[i - 1] : ' ';
            char after = s[i + 1];
            if (!isRegexWordChar(before) && before != '\'' && before != '-'
                    && (after == '\'' || isRegexSpace(after) || ",.;:!?".indexOf(after) >= 0)) {
                ed.replace(i, i + 1, "I");
            }
        }
        return ed.result();
    }

    /** Java's {@code \w} without the Unicode flag. */
    private static boolean isRegexWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** Drops the second of two identical little words ("the the"), scanning words rather than running a regex. */
    static String fixDoubledWords(String t, char[] s) {
        StringBuilder out = null;
        int prevStart = -1, prevEnd = -1, copied = 0, n = s.length;
        for (int i = 0; i < n; ) {
            if (!Character.isLetter(s[i])) {
                i++;
                continue;
            }
            int e = i;
            while (e < n && Character.isLetter(s[e])) e++;
            // Cheapest test first: most neighbouring words differ in length or letters.
            if (prevEnd >= 0 && e - i == prevEnd - prevStart && t.regionMatches(true, i, t, prevStart, e - i)
                    && isBlank(s, prevEnd, i) && SMALL_WORDS.contains(t.substring(i, e).toLowerCase(Locale.ROOT))) {
                if (out == null) out = new StringBuilder(n);
                out.append(t, copied, prevEnd);
                copied = e;
            } else {
                prevStart = i;
                prevEnd = e;
            }
            i = e;
        }
        if (out == null) return t;
        return out.append(t, copied, n).toString();
    }

    /** {@code t.substring(from, to).isBlank()} for a non-empty range, without the copy. */
    private static boolean isBlank(char[] s, int from, int to) {
        if (from >= to) return false;
        for (int k = from; k < to; k++) if (!Character.isWhitespace(s[k])) return false;
        return true;
    }

    /**
     * Makes every indefinite article agree with the sound of the word after it: each match of
     * {@code \b([Aa]n?)(\s+)(["'(]?)([A-Za-z0-9][\w'-]*)} gets the article {@link #wantsAn} asks for.
     */
    static String fixArticles(String t) {
        return fixArticles(t, t.toCharArray());
    }

    private static String fixArticles(String t, char[] s) {
        Edits ed = new Edits(t);
        int n = s.length;
        for (int p = 0; p < n; p++) {
            char c = s[p];
            if ((c != 'a' && c != 'A') || (p > 0 && wordCharBefore(s, p))) continue;
            int q = p + 1 < n && s[p + 1] == 'n' ? p + 2 : p + 1;
            int w = q;
            while (w < n && isRegexSpace(s[w])) w++;
            if (w == q) continue;
            if (w < n && (s[w] == '"' || s[w] == '\'' || s[w] == '(')) w++;
            if (w >= n || !isAsciiAlphanumeric(s[w])) continue;
            int e = w + 1;
            while (e < n && (isRegexWordChar(s[e]) || s[e] == '\'' || s[e] == '-')) e++;
            boolean an = wantsAn(t.substring(w, e));
            if (an != (q - p == 2)) ed.replace(p, q, c == 'A' ? (an ? "An" : "A") : (an ? "an" : "a"));
            p = e - 1;  // the word after the article is part of the match
        }
        return ed.result();
    }

    /** The left side of Java's {@code \b} (Java 17: letters and digits of any script, {@code _}, and marks on them). */
    private static boolean wordCharBefore(char[] s, int p) {
        int cp = Character.codePointBefore(s, p);
        if (cp == '_' || Character.isLetterOrDigit(cp)) return true;
        if (Character.getType(cp) != Character.NON_SPACING_MARK) return false;
        for (int x = p - 1; x >= 0; x--) {  // a mark counts when it sits on a letter or digit
            int ch = Character.codePointAt(s, x);
            if (Character.isLetterOrDigit(ch)) return true;
            if (Character.getType(ch) != Character.NON_SPACING_MARK) return false;
        }
        return false;
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** True when {@code word} starts with a vowel sound (an hour, an AI, an 8-hour shift, a user). */
    static boolean wantsAn(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        char c = w.charAt(0);
        if (Character.isDigit(c)) {  // an 8, an 11, an 18, but a 110 and a 180
            return c == '8' || (c == '1' && w.length() >= 2 && (w.charAt(1) == '1' || w.charAt(1) == '8')
                    && (w.length() == 2 || w.charAt(2) < '0' || w.charAt(2) > '9'));
        }
        if (isInitialism(word)) {
            return "AEFHILMNORSX".indexOf(Character.toUpperCase(c)) >= 0; // initialisms are spelled out
        }
        if (w.startsWith("hour") || w.startsWith("honest") || w.startsWith("honour") || w.startsWith("honor")
                || w.startsWith("heir")) return true;
        switch (c) {
            case 'a': case 'i': return true;
            case 'e': return !(w.startsWith("eu") || w.startsWith("ewe"));
            case 'o': return !(w.startsWith("one") || w.startsWith("once"));
            case 'u':
                return !(U_AS_YOU.matcher(w).lookingAt() || w.equals("u"));
            default: return false;
        }
    }

    /** Two or more characters, the first three upper-case, all upper-case letters, digits or hyphens ("USB", "MRI-3"). */
    private static boolean isInitialism(String word) {
        if (word.length() < 2) return false;
        for (int k = 0; k < word.length(); k++) {
            char ch = word.charAt(k);
            boolean upper = Character.isUpperCase(ch);
            if (k < 3 ? !upper : !(upper || Character.isDigit(ch) || ch == '-')) return false;
        }
        return true;
    }

    /**
     * Capitalises line starts ({@code (?m)^(["'(*#>\-\s]*)(\p{Ll})}), then the text after a short
     * label ({@code (?m)^([^:\n]{1,40}:\s+["'(*]*)(\p{Ll})}, "Mara: yes"), then sentence starts
     * ({@code ((?:\.["')\]]?|[!?])\s+["'(*]*)(\p{Ll})}).
     */
    static String capitalise(String t) {
        Draft d = new Draft(t);
        capitalise(d);
        return d.text;
    }

    private static void capitalise(Draft d) {
        d.apply(TextPolisher::capitaliseLineStarts);
        d.apply(TextPolisher::capitaliseAfterLabels);
        d.apply(TextPolisher::capitaliseSentenceStarts);
    }

    static String capitaliseLineStarts(String t, char[] s) {
        Edits ed = new Edits(t);
        int n = s.length;
        for (int p = 0; p < n; p++) {
            if (!lineStart(s, p)) continue;
            int r = p;
            while (r < n && (isRegexSpace(s[r]) || "\"'(*#>-".indexOf(s[r]) >= 0)) r++;
            p = upperIfLowercase(s, r, ed, p);
        }
        return ed.result();
    }

    static String capitaliseAfterLabels(String t, char[] s) {
        Edits ed = new Edits(t);
        int n = s.length;
        for (int p = 0; p < n; p++) {
            if (!lineStart(s, p)) continue;
            int k = p, chars = 0;  // the label: 1 to 40 code points up to the colon, none of them a line feed
            while (k < n && chars <= 40 && s[k] != ':' && s[k] != '\n') {
                k += Character.charCount(Character.codePointAt(s, k));
                chars++;
            }
            if (k >= n || s[k] != ':' || chars < 1 || chars > 40) continue;
            int r = k + 1;
            while (r < n && isRegexSpace(s[r])) r++;
            if (r == k + 1) continue;
            while (r < n && isOpener(s[r])) r++;
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
        if (".!?".indexOf(last) >= 0) return t;
        if (last == '"' || last == '\'' || last == ')') {
            char before = t.length() > 1 ? t.charAt(t.length() - 2) : ' ';
            if (".!?".indexOf(before) >= 0) return t;
            return t.substring(0, t.length() - 1) + "." + last;
        }
        if (last == ',' || last == ';' || last == ':') return t.substring(0, t.length() - 1) + ".";
        return t + ".";
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

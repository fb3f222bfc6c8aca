package dev.exemplar.generate.template;

import java.util.regex.Matcher;
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
 */
public final class TextPolisher {
    private TextPolisher() {}

    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00a0]+");
    private static final Pattern SPACE_BEFORE_PUNCT = Pattern.compile(" +([,.;:!?])");
    private static final Pattern DOUBLE_COMMA = Pattern.compile("([,;:])(?:\\s*[,;:])+");
    private static final Pattern WEAK_BEFORE_STOP = Pattern.compile("[,;:]+\\s*([.!?])");
    private static final Pattern STOP_THEN_WEAK = Pattern.compile("([.!?])[,;]");
    private static final Pattern DOUBLE_STOP = Pattern.compile("(?<!\\.)\\.\\.(?!\\.)|([!?])\\.(?!\\.)");
    private static final Pattern ARTICLE = Pattern.compile("\\b([Aa]n?)(\\s+)([\"'(]?)([A-Za-z0-9][\\w'-]*)");
    private static final Pattern SENTENCE_START = Pattern.compile("((?:\\.[\"')\\]]?|[!?])\\s+[\"'(*]*)(\\p{Ll})");
    private static final Pattern LINE_START = Pattern.compile("(?m)^([\"'(*#>\\-\\s]*)(\\p{Ll})");
    private static final Pattern LABEL_START = Pattern.compile("(?m)^([^:\\n]{1,40}:\\s+[\"'(*]*)(\\p{Ll})");
    /** Words after which a first-person "I" must be "me" ("told I" comes from reusing third-person beats). */
    private static final java.util.Set<String> OBJECT_I_AFTER = java.util.Set.of(
            "told", "asked", "with", "to", "for", "at", "gave", "showed", "reminded", "by", "from", "of", "about",
            "thanked", "helped", "toward", "towards", "behind", "beside", "without", "tell", "ask", "give", "show",
            "remind", "thank", "help", "emailed", "messaged", "pinged");
    private static final Pattern LOWER_I = Pattern.compile("(?<![\\w'-])i(?=['\\s,.;:!?])");
    private static final Pattern POSSESSIVE_I = Pattern.compile("\\bI's\\b");
    private static final Pattern ELEVEN_EIGHTEEN = Pattern.compile("1[18](?!\\d)");
    private static final Pattern U_AS_YOU = Pattern.compile("u(ni|s[aeiu]|t[ei]|r[aeiou]|ku|ro|bi|ga|ri)");
    private static final Pattern BLANK_RUNS = Pattern.compile("\\n{3,}");

    /** Applies every rule, in an order where later rules cannot undo earlier ones. */
    public static String polish(String raw) {
        String t = normaliseLines(raw);
        t = fixPunctuation(t);
        t = fixDoubledWords(t);
        t = fixFirstPerson(t);
        t = fixArticles(t);
        t = capitalise(t);
        t = terminate(t);
        return t;
    }

    /** Collapses spaces, trims lines, drops blank-only lines, one blank line between paragraphs. */
    static String normaliseLines(String raw) {
        String[] lines = raw.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder sb = new StringBuilder(raw.length());
        for (String line : lines) {
            sb.append(SPACES.matcher(line).replaceAll(" ").strip()).append('\n');
        }
        String t = BLANK_RUNS.matcher(sb).replaceAll("\n\n");
        return t.strip();
    }

    private static final Pattern ANY_PUNCT_FAULT = Pattern.compile(" [,.;:!?]|[,;:]\\s*[,;:.!?]|[.!?][,;]|\\.\\.|[!?]\\.");

    static String fixPunctuation(String t) {
        if (!ANY_PUNCT_FAULT.matcher(t).find()) return t;
        t = SPACE_BEFORE_PUNCT.matcher(t).replaceAll("$1");
        t = DOUBLE_COMMA.matcher(t).replaceAll("$1");
        t = WEAK_BEFORE_STOP.matcher(t).replaceAll("$1");
        t = STOP_THEN_WEAK.matcher(t).replaceAll("$1");
        t = DOUBLE_STOP.matcher(t).replaceAll(m -> m.group(1) != null ? m.group(1) : ".");
        return t;
    }

    /** First-person narration reuses third-person beats: "told I" becomes "told me", "I's" becomes "my". */
    static String fixFirstPerson(String t) {
        t = LOWER_I.matcher(t).replaceAll("I");
        for (int i = t.indexOf(" I"); i >= 0; i = t.indexOf(" I", i + 2)) {
            int after = i + 2;
            if (after < t.length() && (Character.isLetterOrDigit(t.charAt(after)) || t.charAt(after) == '\'')) continue;
            int start = i;
            while (start > 0 && Character.isLetter(t.charAt(start - 1))) start--;
            if (start == i || !OBJECT_I_AFTER.contains(t.substring(start, i).toLowerCase(java.util.Locale.ROOT))) continue;
            t = t.substring(0, i + 1) + "me" + t.substring(i + 2);  // rare: a few times per first-person document
        }
        return t.contains("I's") ? POSSESSIVE_I.matcher(t).replaceAll("my") : t;
    }

    private static final java.util.Set<String> SMALL_WORDS = java.util.Set.of(
            "the", "a", "an", "to", "of", "and", "in", "on", "at", "is", "was", "it", "that", "for", "with");

    /** Drops the second of two identical little words ("the the"), scanning words rather than running a regex. */
    static String fixDoubledWords(String t) {
        StringBuilder out = null;
        int prevStart = -1, prevEnd = -1, copied = 0, n = t.length();
        for (int i = 0; i < n; ) {
            if (!Character.isLetter(t.charAt(i))) { i++; continue; }
            int e = i;
            while (e < n && Character.isLetter(t.charAt(e))) e++;
            boolean gapIsSpace = prevEnd >= 0 && i > prevEnd && t.substring(prevEnd, i).isBlank();
            if (gapIsSpace && e - i == prevEnd - prevStart && t.regionMatches(true, i, t, prevStart, e - i)
                    && SMALL_WORDS.contains(t.substring(i, e).toLowerCase(java.util.Locale.ROOT))) {
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

    /** Makes every indefinite article agree with the sound of the word after it. */
    static String fixArticles(String t) {
        Matcher m = ARTICLE.matcher(t);
        StringBuilder sb = new StringBuilder(t.length() + 16);
        while (m.find()) {
            String art = m.group(1);
            boolean an = wantsAn(m.group(4));
            String fixed = art.charAt(0) == 'A' ? (an ? "An" : "A") : (an ? "an" : "a");
            m.appendReplacement(sb, Matcher.quoteReplacement(fixed + m.group(2) + m.group(3) + m.group(4)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** True when {@code word} starts with a vowel sound (an hour, an AI, an 8-hour shift, a user). */
    static boolean wantsAn(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        char c = w.charAt(0);
        if (Character.isDigit(c)) {
            return c == '8' || ELEVEN_EIGHTEEN.matcher(w).lookingAt();
        }
        if (word.length() > 1 && word.chars().limit(Math.min(word.length(), 3)).allMatch(Character::isUpperCase)
                && word.chars().allMatch(ch -> Character.isUpperCase(ch) || Character.isDigit(ch) || ch == '-')) {
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

    /** Capitalises sentence starts, line starts and the text after a short label ("Mara: yes"). */
    static String capitalise(String t) {
        t = upper(LINE_START, t);
        t = upper(LABEL_START, t);
        t = upper(SENTENCE_START, t);
        return t;
    }

    private static String upper(Pattern p, String t) {
        Matcher m = p.matcher(t);
        if (!m.find()) return t;
        StringBuilder sb = new StringBuilder(t.length());
        do {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + m.group(2).toUpperCase(java.util.Locale.ROOT)));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
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
}

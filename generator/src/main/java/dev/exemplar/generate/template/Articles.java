package dev.exemplar.generate.template;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * English indefinite articles, chosen where the grammar joins an article to the word after it:
 * "a" or "an" by the sound of that word (an hour, an AI, an 8-hour shift, a user, a one-off).
 */
public final class Articles {
    private static final Pattern U_AS_YOU = Pattern.compile("u(ni|s[aeiu]|t[ei]|r[aeiou]|ku|ro|bi|ga|ri)");

    private Articles() {}

    /** {@code word} with "a" or "an" in front. */
    static String with(String phrase) {
        String first = firstWord(phrase);
        return (first.isEmpty() || !wantsAn(first) ? "a " : "an ") + phrase;
    }

    /** True when {@code word} starts with a vowel sound. */
    public static boolean wantsAn(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        char c = w.charAt(0);
        if (Character.isDigit(c)) {  // an 8, an 11, an 18, but a 110 and a 180
            return c == '8' || (c == '1' && w.length() >= 2 && (w.charAt(1) == '1' || w.charAt(1) == '8')
                    && (w.length() == 2 || w.charAt(2) < '0' || w.charAt(2) > '9'));
        }
        if (isInitialism(word) || (word.length() > 1 && word.charAt(1) == '-' && Character.isUpperCase(c0(word)))) {
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

    /**
     * When {@code out} ends with a lone article ("a " or "an ", after a space, an opening mark or
     * the start) and {@code from} begins the word that follows it, makes the article agree with
     * that word. Called where the grammar appends an expansion after literal text.
     */
    static void agree(StringBuilder out, int from) {
        if (from < 2 || from >= out.length() || out.charAt(from - 1) != ' ') return;
        int a = from - 2;
        boolean an = out.charAt(a) == 'n';
        if (an) a--;
        if (a < 0 || (out.charAt(a) != 'a' && out.charAt(a) != 'A')) return;
        if (a > 0 && !boundary(out.charAt(a - 1))) return;
        int e = from;
        while (e < out.length() && (Character.isLetterOrDigit(out.charAt(e)) || out.charAt(e) == '-' || out.charAt(e) == '\'')) e++;
        if (e == from) return;
        boolean want = wantsAn(out.substring(from, e));
        if (want && !an) out.insert(a + 1, 'n');
        else if (!want && an) out.deleteCharAt(a + 1);
    }

    private static boolean boundary(char c) {
        return c == ' ' || c == '\n' || c == '"' || c == '(' || c == '\u2014' || c == '\'';
    }

    private static char c0(String w) { return w.charAt(0); }

    private static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && !Character.isLetterOrDigit(s.charAt(i))) i++;
        int e = i;
        while (e < s.length() && (Character.isLetterOrDigit(s.charAt(e)) || s.charAt(e) == '-')) e++;
        return s.substring(i, e);
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
}

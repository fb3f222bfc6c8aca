package dev.exemplar.generate.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test support: the definite noun phrases of a line ("the threshold", "those options", "Kaya's
 * rankings", "{H.pos} summary format") and their head nouns, and a loose stem to compare a head with
 * the words that introduced it ("complaints" and "complaint", "inspection" and "inspector").
 */
final class DefiniteNouns {
    private DefiniteNouns() {}

    /** A definite phrase as written, and its head noun's stem. */
    record Phrase(String text, String head, int at) {}

    /** Words that end a noun phrase's run: function words, auxiliaries, pronouns, common verbs and adverbs. */
    private static final Set<String> STOP = Set.of(("a an the this that these those of to in on at for from by with without about into onto over under "
            + "after before since until as than and or but nor so if when while where which who whom whose what why how "
            + "is are was were be been being am has have had do does did will would can could should may might must shall "
            + "i you he she it we they me him her us them my your his its our their mine yours "
            + "not no all any some each every both either neither one two three four five six seven eight nine ten "
            + "just only even still also very too more most less least much many few again back then there here now "
            + "said says say told tells tell asked asks ask went goes go got get gets came comes come put puts made makes make "
            + "looks look seemed seems took takes gave gives give kept keeps keep left leaves let lets used uses use "
            + "stays stayed stay needs needed need wants wanted want moves moved move works worked work stands stood runs ran "
            + "itself themselves himself herself yourself myself ourselves once against rather else "
            + "shows showed show means meant mean sits sat fits fit knows knew know think thinks thought").split(" "));

    private static final Pattern TOKEN = Pattern.compile("\\{[^}]*\\}|[A-Za-z][A-Za-z'’-]*|[^\\sA-Za-z]");

    /** The definite phrases of one line with no grammar notation left in it but placeholders ({@code {x}}). */
    static List<Phrase> in(String line) { return in(line, false, null); }

    /** The definite phrases of a line whose head is the last word of the run that {@code nouns} knows (none: no phrase). */
    static List<Phrase> in(String line, Set<String> nouns) { return in(line, false, nouns); }

    /** The noun phrases of a line: definite ones, and with {@code indefiniteToo} also "a", "an", "some" ones (nouns a line introduces). */
    static List<Phrase> in(String line, boolean indefiniteToo) { return in(line, indefiniteToo, null); }

    /** Set phrases whose "the" points at nothing of the story: "on the table", "behind the scenes". */
    private static final Pattern IDIOM = Pattern.compile("(?i)\\b(on|off) the table\\b|\\bthe walls\\b|\\bbehind the scenes\\b|\\bin the open\\b"
            + "|\\bfor the length of\\b|\\bthe other way round\\b|\\bin the meantime\\b|\\bclose the tab\\b|\\bfor the record\\b|\\bthe short version\\b"
            + "|\\bthe people responsible\\b|\\bthe next step\\b|\\bthe same (tone|way|amount)\\b|\\bthe off switch\\b|\\bthe spot\\b");

    private static List<Phrase> in(String line, boolean indefiniteToo, Set<String> nouns) {
        List<Phrase> out = new ArrayList<>();
        Matcher idiom = IDIOM.matcher(line);
        StringBuilder blank = new StringBuilder(line);
        while (idiom.find()) for (int c = idiom.start(); c < idiom.end(); c++) blank.setCharAt(c, ' ');
        line = blank.toString();
        Matcher m = TOKEN.matcher(line);
        List<String> toks = new ArrayList<>();
        List<Integer> pos = new ArrayList<>();
        while (m.find()) { toks.add(m.group()); pos.add(m.start()); }
        for (int i = 0; i < toks.size(); i++) {
            String t = toks.get(i), lower = t.toLowerCase(Locale.ROOT);
            boolean det = lower.equals("the") || lower.equals("those")
                    || indefiniteToo && (lower.equals("a") || lower.equals("an") || lower.equals("some") || lower.equals("his")
                    || lower.equals("her") || lower.equals("their") || lower.equals("its") || lower.equals("my") || lower.equals("your")
                    || lower.equals("our") || lower.equals("every") || lower.equals("each"));
            boolean possessive = (t.endsWith("'s") || t.endsWith("’s")) && t.length() > 3 && !isContraction(lower)
                    || t.matches("\\{[A-Z][A-Za-z0-9]*\\.pos\\}") || t.matches("\\{[A-Z][A-Za-z0-9]*\\}'s");
            if (!det && !possessive) continue;
            if (t.startsWith("{") && t.contains("}'s") ) { /* {A}'s */ }
            int j = i + 1;
            String head = null;
            int k = 0;
            for (; j < toks.size() && k < 3; j++, k++) {
                String w = toks.get(j), lw = w.toLowerCase(Locale.ROOT);
                if (!Character.isLetter(w.charAt(0)) || STOP.contains(lw)) break;
                if ((lw.contains("'") || lw.contains("’")) && !lw.endsWith("'s") && !lw.endsWith("’s")) break; // "the one you'd"
                if (k > 0 && (lw.endsWith("ed") || lw.endsWith("ing") || lw.endsWith("ly"))) break;
                boolean poss = lw.endsWith("'s") || lw.endsWith("’s");
                String h = poss ? lw.substring(0, lw.length() - 2) : lw;
                if (nouns == null || nouns.contains(stem(h))) head = h;
                if (poss) break; // "the feed supplier's invoice": the supplier here, the invoice as its own phrase
            }
            if (head == null || head.length() < 3) continue;
            int end = j < toks.size() ? pos.get(j) : line.length();
            out.add(new Phrase(line.substring(pos.get(i), Math.min(line.length(), end)).trim(), stem(head), pos.get(i)));
        }
        return out;
    }

    private static boolean isContraction(String w) {
        return Set.of("it's", "that's", "there's", "here's", "what's", "who's", "he's", "she's", "let's", "where's", "how's", "one's", "nothing's", "everything's", "something's", "today's", "tomorrow's", "yesterday's", "everyone's", "nobody's", "anyone's", "someone's", "somebody's", "everybody's", "other's").contains(w);
    }

    /** A loose stem: lower case, no plural ending. */
    static String stem(String w) {
        String s = w.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (s.endsWith("'s")) s = s.substring(0, s.length() - 2);
        if (s.endsWith("ies") && s.length() > 4) return s.substring(0, s.length() - 3) + "y";
        if (s.endsWith("sses") || s.endsWith("ches") || s.endsWith("shes") || s.endsWith("xes")) return s.substring(0, s.length() - 2);
        if (s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is") && s.length() > 3) return s.substring(0, s.length() - 1);
        return s;
    }

    /** The stems of every word of a text. */
    static Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile("[A-Za-z][A-Za-z-]*").matcher(text);
        while (m.find()) {
            out.add(stem(m.group()));
            for (String part : m.group().split("-")) if (part.length() > 2) out.add(stem(part));
        }
        return out;
    }

    /** Whether {@code head} is among {@code words}, loosely: the same stem, or the same first six letters. */
    static boolean known(String head, Set<String> words) {
        if (words.contains(head)) return true;
        if (head.length() < 6) return false;
        String p = head.substring(0, 6);
        for (String w : words) if (w.length() >= 6 && w.startsWith(p)) return true;
        return false;
    }

    /**
     * The variants of a grammar string: every inline group {@code [a|b]} takes its k-th alternative (k mod
     * its size) in variant k, so each alternative is in some variant; conditions ({@code <...>}) are dropped.
     */
    static List<String> variants(String rule) {
        int n = Math.max(1, widest(rule));
        List<String> out = new ArrayList<>();
        for (int k = 0; k < n; k++) out.add(pick(rule, k).replaceAll("<[^>]*>", ""));
        return out;
    }

    private static int widest(String s) {
        int best = 1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '[') continue;
            int close = closing(s, i);
            List<String> alts = split(s.substring(i + 1, close));
            best = Math.max(best, alts.size());
            for (String a : alts) best = Math.max(best, widest(a));
            i = close;
        }
        return best;
    }

    private static String pick(String s, int k) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '[') { b.append(c); continue; }
            int close = closing(s, i);
            List<String> alts = split(s.substring(i + 1, close));
            b.append(pick(alts.get(k % alts.size()), k));
            i = close;
        }
        return b.toString();
    }

    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '[') depth++;
            else if (s.charAt(i) == ']' && --depth == 0) return i;
        }
        return s.length() - 1;
    }

    private static List<String> split(String inner) {
        List<String> out = new ArrayList<>();
        int depth = 0, from = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (c == '|' && depth == 0) { out.add(inner.substring(from, i)); from = i + 1; }
        }
        out.add(inner.substring(from));
        return out;
    }
}

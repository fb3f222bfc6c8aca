package dev.exemplar.filter;

import java.util.Set;

/**
 * Where a text's closing signature begins: a valediction and a name-and-role line ("Warm regards,\n
 * Tomas Lindqvist\nVolunteer Coordinator", or inline: "... Thanks again. Warm regards, Tomas
 * Lindqvist, Volunteer Coordinator, Eastside Library"). Letters and emails end this way without a
 * full stop, so the slop filter's {@code unfinished} and the quality filter's {@code punctuated_lines}
 * leave the signature out. A signature is at most four short lines (or one tail after the last
 * sentence) of capitalised words, optionally opened by a valediction; a sentence cut off mid-way
 * ("... and then the assistant began to") has lower-case words and is not one.
 */
final class LetterEnding {
    private LetterEnding() {}

    private static final int MAX_LINES = 4, MAX_WORDS = 16;

    /** Closing words that may open a signature ("Warm regards,", "Thanks again,", "Yours,"). */
    private static final Set<String> VALEDICTIONS = Set.of("regards", "sincerely", "best", "thanks", "thank",
            "cheers", "warmly", "yours", "respectfully", "love", "gratefully", "cordially", "care", "wishes",
            "faithfully", "truly", "warm", "kind", "kindest", "with", "all", "again", "you", "very", "many",
            "gratitude", "appreciation", "in", "solidarity", "peace", "onward", "until", "soon", "later", "talk",
            "take", "the", "my", "from", "of", "to", "everyone", "warmest", "affectionately", "fondly");
    /** Lower-case words allowed inside a name or role ("Head of Operations", "Friends of the Library"). */
    private static final Set<String> JOINERS = Set.of("of", "and", "the", "for", "at", "de", "van", "von", "on", "to",
            "in", "&", "a", "an", "la", "le", "da", "del", "du", "y");

    /**
     * The index in {@code text} where its closing signature starts, or -1 when the text does not end
     * in one. {@code to} is the end of the text without trailing white space.
     */
    static int start(String text, int from, int to) {
        if (to <= from) return -1;
        int sig = -1;
        int end = to;
        // Whole lines from the end: name, role, organisation, then an optional valediction line.
        for (int lines = 0; lines < MAX_LINES && end > from; lines++) {
            int ls = Math.max(from, text.lastIndexOf('\n', end - 1) + 1);
            String line = text.substring(ls, end).strip();
            if (line.isEmpty()) {
                end = ls - 1;
                lines--;
                continue;
            }
            if (valediction(line)) return ls;
            if (!nameLike(line)) {
                // An inline tail after the line's last sentence: "... Thanks. Warm regards, Tomas, Coordinator".
                int cut = lastSentenceEnd(line);
                if (cut > 0 && cut < line.length()) {
                    String tail = line.substring(cut).strip();
                    int v = valedictionEnd(tail);
                    if (v > 0 && v < tail.length() && nameLike(tail.substring(v))) return ls + line.indexOf(tail, cut);
                }
                break;
            }
            sig = ls;
            end = ls - 1;
        }
        // Name lines alone count only after a line that ends a letter's body or greets ("Best,").
        return sig >= 0 && (end <= from || endsSentence(text, from, end)) ? sig : -1;
    }

    /** A line that is only a valediction, ending in a comma or dash: "Warm regards," "Thanks again —". */
    private static boolean valediction(String line) {
        int v = valedictionEnd(line);
        return v == line.length();
    }

    /**
     * The end of a valediction opening {@code s} (words from {@link #VALEDICTIONS} closed by a comma
     * or a dash), or -1. "Best wishes, Tomas" gives the index after the comma.
     */
    private static int valedictionEnd(String s) {
        int i = 0, words = 0;
        while (i < s.length()) {
            int j = i;
            while (j < s.length() && (Character.isLetter(s.charAt(j)) || s.charAt(j) == '\'' || s.charAt(j) == '\u2019')) j++;
            if (j == i) break;
            if (!VALEDICTIONS.contains(s.substring(i, j).toLowerCase(java.util.Locale.ROOT).replace("\u2019", "'"))) return -1;
            words++;
            while (j < s.length() && s.charAt(j) == ' ') j++;
            if (j < s.length() && (s.charAt(j) == ',' || s.charAt(j) == '\u2014' || s.charAt(j) == '-' || s.charAt(j) == '!')) {
                j++;
                while (j < s.length() && s.charAt(j) == ' ') j++;
                return words > 0 && words <= 4 ? j : -1;
            }
            i = j;
        }
        return -1;
    }

    /** Capitalised words in comma-separated parts, with a few joiners: a name, a role, an organisation. */
    static boolean nameLike(String s) {
        s = s.strip();
        while (!s.isEmpty() && "-\u2014\u2013~ ".indexOf(s.charAt(0)) >= 0) s = s.substring(1);
        if (s.isEmpty()) return false;
        String[] words = s.split("[\\s,|/]+");
        if (words.length > MAX_WORDS) return false;
        int capital = 0;
        for (String w : words) {
            if (w.isEmpty()) continue;
            char c = w.charAt(0);
            if (Character.isUpperCase(c) || Character.isDigit(c) || c == '(' || c == '+' || c == '@') capital++;
            else if (!JOINERS.contains(w.toLowerCase(java.util.Locale.ROOT))) return false;
        }
        char last = s.charAt(s.length() - 1);
        return capital > 0 && ".!?;:".indexOf(last) < 0;
    }

    private static int lastSentenceEnd(String line) {
        for (int i = line.length() - 1; i >= 0; i--) {
            char c = line.charAt(i);
            if (c == '.' || c == '!' || c == '?') return i + 1;
        }
        return -1;
    }

    /** Whether the text before {@code end} ends a sentence or a greeting/valediction line. */
    private static boolean endsSentence(String text, int from, int end) {
        int e = end;
        while (e > from && Character.isWhitespace(text.charAt(e - 1))) e--;
        return e > from && ".!?\"'\u201d\u2019),:\u2014".indexOf(text.charAt(e - 1)) >= 0;
    }
}

package dev.exemplar.generate.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The finest level of variation: groups of interchangeable words and phrases
 * ({@code templates/banks/vocabulary.yaml}). Every occurrence of a member in a rendered document
 * may be replaced by any member of its group, longest phrase first, keeping an initial capital.
 */
public final class Vocabulary {
    private final Map<String, List<String>> groups = new HashMap<>();
    /** First words of every phrase: most words are not, and are skipped after one lookup. */
    private final java.util.Set<String> firstWords = new java.util.HashSet<>();
    private final int maxWords;

    public Vocabulary(List<List<String>> lists) {
        int max = 1;
        for (List<String> g : lists) {
            List<String> members = new ArrayList<>();
            for (String m : g) members.add(m.toLowerCase(Locale.ROOT).strip());
            for (String m : members) {
                if (groups.put(m, members) != null) {
                    throw new IllegalArgumentException("vocabulary: \"" + m + "\" is in two groups; keep each phrase in one group");
                }
                max = Math.max(max, m.split(" ").length);
                firstWords.add(m.split(" ")[0]);
            }
        }
        this.maxWords = max;
    }

    public static Vocabulary empty() { return new Vocabulary(List.of()); }

    /** Rewrites {@code text}, choosing each replacement with {@code rng}. */
    public String vary(String text, SplittableRandom rng) {
        if (groups.isEmpty()) return text;
        StringBuilder out = new StringBuilder(text.length() + 64);
        int i = 0, n = text.length();
        int[] ends = new int[maxWords];
        while (i < n) {
            if (!isWordChar(text.charAt(i)) || (i > 0 && isWordChar(text.charAt(i - 1)))) {
                out.append(text.charAt(i++));
                continue;
            }
            int firstEnd = i;
            while (firstEnd < n && isWordChar(text.charAt(firstEnd))) firstEnd++;
            if (!firstWords.contains(text.substring(i, firstEnd).toLowerCase(Locale.ROOT))) {
                out.append(text, i, firstEnd);
                i = firstEnd;
                continue;
            }
            // Collect the ends of up to maxWords words separated by single spaces.
            int words = 0, p = i;
            while (words < maxWords) {
                int e = p;
                while (e < n && isWordChar(text.charAt(e))) e++;
                ends[words++] = e;
                if (e + 1 < n && text.charAt(e) == ' ' && isWordChar(text.charAt(e + 1))) p = e + 1;
                else break;
            }
            int matched = -1;
            List<String> group = null;
            for (int w = words - 1; w >= 0 && group == null; w--) {
                String phrase = text.substring(i, ends[w]).toLowerCase(Locale.ROOT);
                group = groups.get(phrase);
                if (group != null) matched = ends[w];
            }
            if (group == null) {
                int e = ends[0];
                out.append(text, i, e);
                i = e;
                continue;
            }
            String pick = group.get(rng.nextInt(group.size()));
            if (Character.isUpperCase(text.charAt(i))) {
                out.append(Character.toUpperCase(pick.charAt(0))).append(pick, 1, pick.length());
            } else {
                out.append(pick);
            }
            i = matched;
        }
        return out.toString();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetter(c) || c == '\'' || c == '-';
    }
}

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
 *
 * <p>A phrase matches a run of whole words (letters, {@code '} and {@code -}) separated by single
 * spaces, compared in lower case. The phrases sit in a trie that each word start walks
 * once, character by character, so most words cost a step or two and no allocation; a word start
 * whose walk meets a non-ASCII letter takes the exact lower-cased lookup instead.
 */
public final class Vocabulary {
    private final Map<String, List<String>> groups = new HashMap<>();
    private final Node root = new Node();
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
                root.insert(m, members);
            }
        }
        this.maxWords = max;
    }

    public static Vocabulary empty() { return new Vocabulary(List.of()); }

    /** Rewrites {@code text}, choosing each replacement with {@code rng}. */
    public String vary(String text, SplittableRandom rng) {
        if (groups.isEmpty()) return text;
        char[] s = text.toCharArray();
        StringBuilder out = new StringBuilder(text.length() + 64);
        int copied = 0, i = 0, n = s.length;
        Match m = new Match();
        while (i < n) {
            if (!isWordChar(s[i])) {
                i++;
                continue;
            }
            // A word start: the scan always skips whole words, so the character before is not a word character.
            if (walk(s, i, m) ? m.group != null : exactLookup(text, i, m)) {
                String pick = m.group.get(rng.nextInt(m.group.size()));
                out.append(text, copied, i);
                if (Character.isUpperCase(text.charAt(i))) {
                    out.append(Character.toUpperCase(pick.charAt(0))).append(pick, 1, pick.length());
                } else {
                    out.append(pick);
                }
                i = copied = m.end;
            } else {
                while (i < n && isWordChar(s[i])) i++;
            }
        }
        return out.append(text, copied, n).toString();
    }

    /** The longest phrase found at a word start: its group and where it ends. */
    private static final class Match {
        List<String> group;
        int end;
    }

    /**
     * Walks the trie from the word start {@code i}, leaving the longest phrase found (or none) in
     * {@code m}. Returns false, undecided, when the walk reaches a non-ASCII letter: its lower
     * case is left to {@link #exactLookup}. A walk that ends on an ASCII character is exact,
     * because no phrase, ASCII or not, begins with the lower-cased text walked so far.
     */
    private boolean walk(char[] s, int i, Match m) {
        int n = s.length, p = i;
        Node node = root;
        m.group = null;
        while (true) {
            for (char c; p < n && isWordChar(c = s[p]); p++) {
                if (c >= 128) return false;
                node = node.child(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                if (node == null) return true;
            }
            if (node.group != null) {
                m.group = node.group;
                m.end = p;
            }
            if (p + 1 >= n || s[p] != ' ' || !isWordChar(s[p + 1])) return true;
            node = node.child(' ');
            if (node == null) return true;
            p++;
        }
    }

    /**
     * The lower-cased lookup of every run of up to {@code maxWords} words at {@code i}, longest
     * first; used only where {@link #walk} met a non-ASCII letter, whose lower case may be ASCII.
     */
    private boolean exactLookup(String text, int i, Match m) {
        int n = text.length(), p = i;
        int[] ends = new int[maxWords];
        int words = 0;
        while (words < maxWords) {
            int e = p;
            while (e < n && isWordChar(text.charAt(e))) e++;
            ends[words++] = e;
            if (e + 1 < n && text.charAt(e) == ' ' && isWordChar(text.charAt(e + 1))) p = e + 1;
            else break;
        }
        for (int w = words - 1; w >= 0; w--) {
            List<String> group = groups.get(text.substring(i, ends[w]).toLowerCase(Locale.ROOT));
            if (group != null) {
                m.group = group;
                m.end = ends[w];
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'' || c == '-';
        return Character.isLetter(c);
    }

    /** A trie node over lower-cased phrases: an edge per next character (usually one or two), and the group of a phrase ending here. */
    private static final class Node {
        private char[] labels = new char[0];
        private Node[] children = new Node[0];
        /** The ASCII edges again, indexed by character, once a node has many (the root: one per initial letter). */
        private Node[] table;
        private List<String> group;

        Node child(char c) {
            if (table != null && c < 128) return table[c];
            for (int k = 0; k < labels.length; k++) if (labels[k] == c) return children[k];
            return null;
        }

        void insert(String phrase, List<String> phraseGroup) {
            Node node = this;
            for (int k = 0; k < phrase.length(); k++) {
                char c = phrase.charAt(k);
                Node next = node.child(c);
                if (next == null) {
                    next = new Node();
                    node.labels = java.util.Arrays.copyOf(node.labels, node.labels.length + 1);
                    node.children = java.util.Arrays.copyOf(node.children, node.children.length + 1);
                    node.labels[node.labels.length - 1] = c;
                    node.children[node.children.length - 1] = next;
                    if (node.labels.length > 8) {
                        node.table = new Node[128];
                        for (int e = 0; e < node.labels.length; e++) {
                            if (node.labels[e] < 128) node.table[node.labels[e]] = node.children[e];
                        }
                    }
                }
                node = next;
            }
            node.group = phraseGroup;
        }
    }
}

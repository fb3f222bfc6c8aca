package dev.exemplar.filter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A reviewable phrase pattern over lower-case words (see {@code filters/tropes.yaml} for the
 * syntax): {@code word}, {@code a|b}, {@code pre*}, {@code (x y|z)}, {@code [optional]},
 * {@code word?}, {@code _} (any word), {@code ...} (a gap of up to three words) and {@code ~} (up to
 * twelve, for words that belong together anywhere in a sentence). Matches never
 * cross a sentence end, and a gap never skips a negator, so "I have no feelings" does not match
 * "i have ... feelings".
 */
public final class PhrasePattern {
    static final int MAX_GAP = 3;
    /** The long gap {@code ~}: any words up to this many, within the sentence. */
    static final int LONG_GAP = 12;

    private final String source;
    private final Node root;

    private PhrasePattern(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    public String source() { return source; }

    /** Parses a pattern; throws {@link IllegalArgumentException} with the position of a mistake. */
    public static PhrasePattern compile(String source) {
        Parser p = new Parser(source);
        Node n = p.seq(false);
        p.skipSpace();
        if (!p.done()) throw p.error("unexpected '" + p.peek() + "'");
        if (n.nullable()) throw new IllegalArgumentException("pattern \"" + source + "\" can match nothing at all; give it a required word");
        return new PhrasePattern(source, n);
    }

    /**
     * The words a match can start with, or null when it can start with any word (a leading
     * {@code _}, a prefix); the matcher indexes patterns by these words.
     */
    public Set<String> firstWords() {
        Starts s = starts();
        return s != null && s.prefixes().length == 0 ? s.words() : null;
    }

    /**
     * The whole words and word prefixes ({@code exfiltrat*}) a match can start with, or null
     * when a match can start with any word at all ({@code _} or a gap first).
     */
    public Starts starts() {
        Set<String> words = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        return root.firsts(words, prefixes) ? new Starts(Set.copyOf(words), prefixes.toArray(new String[0])) : null;
    }

    /** What a match can start with: one of these words, or a word with one of these prefixes. */
    public record Starts(Set<String> words, String[] prefixes) {
        /** Whether word {@code i} of a view can start a match; its string is made only when no prefix fits. */
        boolean admits(TextView v, int i) {
            for (String p : prefixes) if (v.wordStartsWith(i, p)) return true;
            return !words.isEmpty() && words.contains(v.word(i));
        }
    }

    /**
     * Words of which every match of {@code n} must contain one, or null: for a sequence, its last
     * required plain-word element that is not all common function words (those would let the
     * matcher try the pattern in nearly every sentence), else its last required one.
     */
    private static Set<String> anchors(Node n) {
        if (n instanceof Word w) return w.any() || !w.prefixes().isEmpty() ? null : w.exact();
        List<? extends Node> parts = sequence(n);
        if (parts != null) {
            Set<String> fallback = null;
            for (int i = parts.size() - 1; i >= 0; i--) {
                Node p = parts.get(i);
                if (p.nullable()) continue;
                Set<String> a = anchors(p);
                if (a == null) continue;
                if (!LanguageFilter.isCommon(a)) return a;
                if (fallback == null) fallback = a;
            }
            return fallback;
        }
        if (n instanceof Alt alt) {
            Set<String> all = new HashSet<>();
            for (Node o : alt.options()) {
                Set<String> a = anchors(o);
                if (a == null) return null;
                all.addAll(a);
            }
            return all;
        }
        return null;
    }

    /** The elements of a sequence node, or null for any other node. */
    private static List<? extends Node> sequence(Node n) {
        if (n instanceof Seq seq) return seq.parts();
        if (n instanceof Words w) return List.of(w.parts());
        return null;
    }

    /**
     * Sets of words of which every match holds at least one word each (one set per required
     * plain-word element, in order; an alternation of sequences contributes the union of their
     * anchors). Empty when nothing is required literally. The matcher tries a pattern only on texts
     * that hold a word of every set, which rules out most patterns before any matching.
     */
    public List<Set<String>> requiredWords() {
        List<Set<String>> out = new ArrayList<>();
        required(root, out);
        return out;
    }

    private static void required(Node n, List<Set<String>> out) {
        List<? extends Node> parts = sequence(n);
        if (parts != null) {
            for (Node p : parts) if (!p.nullable()) required(p, out);
        } else if (n instanceof Word || n instanceof Alt) {
            Set<String> a = anchors(n);
            if (a != null) out.add(a);
        }
    }

    /** The end (exclusive) of a match starting at word {@code start}, or -1. */
    public int matchAt(TextView v, int start, Set<String> negators) {
        int sentence = v.sentenceOf(start);
        int[] end = {-1};
        Ctx c = new Ctx(v, sentence, negators);
        root.match(c, start, pos -> {
            end[0] = pos;
            return true;
        });
        return end[0];
    }

    private record Ctx(TextView view, int sentence, Set<String> negators) {
        boolean inSentence(int pos) {
            return pos < view.size() && view.sentenceOf(pos) == sentence;
        }
    }

    private interface Cont {
        boolean at(int pos);
    }

    private interface Node {
        boolean match(Ctx c, int pos, Cont k);

        boolean nullable();

        /** Adds possible first words and prefixes; false when any word may start a match. */
        boolean firsts(Set<String> out, List<String> prefixes);
    }

    private record Word(Set<String> exact, List<String> prefixes, boolean any, WordTable<Boolean> hashes) implements Node {
        Word(Set<String> exact, List<String> prefixes, boolean any) {
            this(exact, prefixes, any, WordTable.setOf(exact.toArray(new String[0])));
        }

        public boolean match(Ctx c, int pos, Cont k) {
            return test(c, pos) && k.at(pos + 1);
        }

        /** Whether word {@code pos} fits; compares word hashes, so the text's words need not become strings. */
        boolean test(Ctx c, int pos) {
            if (!c.inSentence(pos)) return false;
            boolean ok = any || hashes.contains(c.view.wordHashes()[pos]);
            for (int i = 0; !ok && i < prefixes.size(); i++) ok = c.view.wordStartsWith(pos, prefixes.get(i));
            return ok;
        }

        public boolean nullable() { return false; }

        public boolean firsts(Set<String> out, List<String> pre) {
            out.addAll(exact);
            pre.addAll(prefixes);
            return !any;
        }
    }

    private record Gap(int max) implements Node {
        public boolean match(Ctx c, int pos, Cont k) {
            for (int skip = 0; skip <= max; skip++) {
                if (skip > 0) {
                    int w = pos + skip - 1;
                    if (!c.inSentence(w) || c.negators.contains(c.view.word(w))) return false;
                }
                if (k.at(pos + skip)) return true;
            }
            return false;
        }

        public boolean nullable() { return true; }

        public boolean firsts(Set<String> out, List<String> pre) { return false; }
    }

    private record Seq(List<Node> parts) implements Node {
        public boolean match(Ctx c, int pos, Cont k) {
            return step(c, 0, pos, k);
        }

        private boolean step(Ctx c, int i, int pos, Cont k) {
            if (i == parts.size()) return k.at(pos);
            return parts.get(i).match(c, pos, next -> step(c, i + 1, next, k));
        }

        public boolean nullable() {
            return parts.stream().allMatch(Node::nullable);
        }

        public boolean firsts(Set<String> out, List<String> pre) {
            for (Node n : parts) {
                if (!n.firsts(out, pre)) return false;
                if (!n.nullable()) return true;
            }
            return true;
        }
    }

    /**
     * A sequence of single words with no choice among them ("hive mind"): matched in one loop,
     * the same as a {@link Seq} of its words but without a continuation per word.
     */
    private record Words(Word[] parts) implements Node {
        public boolean match(Ctx c, int pos, Cont k) {
            for (int j = 0; j < parts.length; j++) if (!parts[j].test(c, pos + j)) return false;
            return k.at(pos + parts.length);
        }

        public boolean nullable() { return false; }

        public boolean firsts(Set<String> out, List<String> pre) { return parts[0].firsts(out, pre); }
    }

    private record Alt(List<Node> options) implements Node {
        public boolean match(Ctx c, int pos, Cont k) {
            for (Node n : options) if (n.match(c, pos, k)) return true;
            return false;
        }

        public boolean nullable() {
            return options.stream().anyMatch(Node::nullable);
        }

        public boolean firsts(Set<String> out, List<String> pre) {
            boolean ok = true;
            for (Node n : options) ok &= n.firsts(out, pre);
            return ok;
        }
    }

    private record Opt(Node inner) implements Node {
        public boolean match(Ctx c, int pos, Cont k) {
            return inner.match(c, pos, k) || k.at(pos);
        }

        public boolean nullable() { return true; }

        public boolean firsts(Set<String> out, List<String> pre) { return inner.firsts(out, pre); }
    }

    /** Recursive descent: inside a group '|' separates sequences, outside it joins elements. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        boolean done() { return i >= s.length(); }
        char peek() { return s.charAt(i); }

        void skipSpace() {
            while (!done() && Character.isWhitespace(peek())) i++;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("pattern \"" + s + "\" at character " + (i + 1) + ": " + what);
        }

        Node seq(boolean inGroup) {
            List<Node> parts = new ArrayList<>();
            while (true) {
                skipSpace();
                if (done() || peek() == ')' || peek() == ']' || (inGroup && peek() == '|')) break;
                Node e = element();
                // Outside groups, "a|(b c)|d" joins elements written without spaces.
                List<Node> joined = null;
                while (!inGroup && !done() && peek() == '|') {
                    i++;
                    if (joined == null) joined = new ArrayList<>(List.of(e));
                    joined.add(element());
                }
                parts.add(joined == null ? e : union(joined));
            }
            if (parts.size() > 1 && parts.stream().allMatch(p -> p instanceof Word)) return new Words(parts.toArray(new Word[0]));
            return parts.size() == 1 ? parts.get(0) : new Seq(parts);
        }

        Node alt() {
            List<Node> options = new ArrayList<>();
            options.add(seq(true));
            while (!done() && peek() == '|') {
                i++;
                options.add(seq(true));
            }
            return options.size() == 1 ? options.get(0) : union(options);
        }

        /** An alternation; plain words fold into one set lookup, which keeps matching fast. */
        static Node union(List<Node> options) {
            Set<String> exact = new HashSet<>();
            List<String> prefixes = new ArrayList<>();
            List<Node> rest = new ArrayList<>();
            for (Node n : options) {
                if (n instanceof Word w && !w.any()) {
                    exact.addAll(w.exact());
                    prefixes.addAll(w.prefixes());
                } else {
                    rest.add(n);
                }
            }
            if (!exact.isEmpty() || !prefixes.isEmpty()) rest.add(0, new Word(Set.copyOf(exact), List.copyOf(prefixes), false));
            return rest.size() == 1 ? rest.get(0) : new Alt(rest);
        }

        Node element() {
            if (done()) throw error("pattern ends where a word was expected");
            char c = peek();
            Node n;
            if (c == '(' || c == '[') {
                i++;
                n = alt();
                char close = c == '(' ? ')' : ']';
                if (done() || peek() != close) throw error("missing '" + close + "'");
                i++;
                if (c == '[') n = new Opt(n);
            } else if (s.startsWith("...", i)) {
                i += 3;
                n = new Gap(MAX_GAP);
            } else if (c == '~') {
                i++;
                n = new Gap(LONG_GAP);
            } else {
                n = word();
            }
            if (!done() && peek() == '?') {
                i++;
                n = new Opt(n);
            }
            return n;
        }

        Node word() {
            int start = i;
            while (!done() && (Character.isLetterOrDigit(peek()) || peek() == '*' || peek() == '_')) i++;
            String w = s.substring(start, i);
            if (w.isEmpty()) throw error("unexpected '" + peek() + "'");
            if (w.equals("_")) return new Word(Set.of(), List.of(), true);
            if (w.endsWith("*")) {
                String pre = w.substring(0, w.length() - 1);
                if (pre.isEmpty() || pre.contains("*")) throw error("'*' must end a word prefix, as in beg*");
                return new Word(Set.of(), List.of(pre), false);
            }
            if (w.contains("*") || w.contains("_")) throw error("'" + w + "' mixes letters with * or _");
            return new Word(Set.of(w), List.of(), false);
        }
    }

    @Override
    public String toString() { return source; }
}

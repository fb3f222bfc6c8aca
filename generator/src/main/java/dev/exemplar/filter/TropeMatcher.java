package dev.exemplar.filter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds lexicon hits in a text in one pass: patterns are indexed by the words they can start
 * with, so each word costs one hash lookup. A hit preceded (within six words of its clause) by a
 * negator, or anywhere earlier in its sentence by a discussion cue ("unlike", "excludes",
 * "fiction"), is negated; a hit in a question counts half.
 */
public final class TropeMatcher {
    static final int NEGATION_WINDOW = 6;

    /** One unnegated pattern hit: which trope, the words matched, and its effective weight. */
    public record Hit(Lexicon.Trope trope, PhrasePattern pattern, String words, double weight) {}

    private record Entry(int id, Lexicon.Trope trope, PhrasePattern pattern) {}

    private final Set<String> negators;
    private final Set<String> cues;
    private final Map<String, List<Entry>> byFirst = new HashMap<>();
    private final List<Entry> unindexed = new ArrayList<>();
    /** Patterns by their anchor words, and those without anchors (always candidates). */
    private final Map<String, List<Entry>> byAnchor = new HashMap<>();
    private final List<Entry> unanchored = new ArrayList<>();
    private int size;

    public TropeMatcher(Lexicon lexicon) {
        this(lexicon.negators(), lexicon.discussionCues(), lexicon.tropes());
    }

    /** A matcher for any list of pattern groups (the lexicon's tropes, or its acceptance stances). */
    public TropeMatcher(Set<String> negators, Set<String> discussionCues, List<Lexicon.Trope> groups) {
        this.negators = negators;
        this.cues = discussionCues;
        for (Lexicon.Trope t : groups) {
            for (PhrasePattern p : t.patterns()) {
                Entry e = new Entry(size++, t, p);
                Set<String> anchors = p.anchorWords();
                if (anchors == null) unanchored.add(e);
                else for (String w : anchors) byAnchor.computeIfAbsent(w, k -> new ArrayList<>()).add(e);
                Set<String> firsts = p.firstWords();
                if (firsts == null) unindexed.add(e);
                else for (String w : firsts) byFirst.computeIfAbsent(w, k -> new ArrayList<>()).add(e);
            }
        }
    }

    /** Unnegated and negated hits; a negated hit ("it never made a secret backup") rejects the trope. */
    public record Found(List<Hit> hits, List<Hit> negated) {}

    /** Every unnegated hit, at most one per pattern (its first). */
    public List<Hit> find(TextView v) {
        return findAll(v).hits();
    }

    /** Every hit, unnegated and negated, at most one of each per pattern. */
    public Found findAll(TextView v) {
        String[] w = v.words();
        List<Hit> hits = new ArrayList<>(), negated = new ArrayList<>();
        // Only patterns whose anchor word occurs somewhere in the text can match at all.
        boolean[] candidate = new boolean[size];
        boolean any = false;
        for (Entry e : unanchored) candidate[e.id()] = any = true;
        for (String word : w) {
            List<Entry> es = byAnchor.get(word);
            if (es != null) for (Entry e : es) candidate[e.id()] = any = true;
        }
        if (!any) return new Found(hits, negated);
        Set<PhrasePattern> seen = new java.util.HashSet<>(), seenNegated = new java.util.HashSet<>();
        for (int i = 0; i < w.length; i++) {
            List<Entry> cands = byFirst.get(w[i]);
            if (cands != null) for (Entry e : cands) if (candidate[e.id()]) tryAt(v, i, e, hits, seen, negated, seenNegated);
            for (Entry e : unindexed) if (candidate[e.id()]) tryAt(v, i, e, hits, seen, negated, seenNegated);
        }
        return new Found(hits, negated);
    }

    private void tryAt(TextView v, int i, Entry e, List<Hit> hits, Set<PhrasePattern> seen,
                       List<Hit> negatedHits, Set<PhrasePattern> seenNegated) {
        if (seen.contains(e.pattern())) return;
        int end = e.pattern().matchAt(v, i, negators);
        if (end < 0) return;
        boolean neg = negated(v, i);
        if (neg && !seenNegated.add(e.pattern())) return;
        if (!neg) seen.add(e.pattern());
        int sentence = v.sentenceOf(i);
        double weight = e.trope().weight() * (v.isQuestion(sentence) ? 0.5 : 1.0);
        (neg ? negatedHits : hits).add(new Hit(e.trope(), e.pattern(), v.span(i, end), weight));
    }

    private boolean negated(TextView v, int start) {
        String[] w = v.words();
        int sentence = v.sentenceOf(start);
        for (int j = start - 1; j >= 0 && v.sentenceOf(j) == sentence; j--) {
            if (cues.contains(w[j])) return true; // the sentence discusses the trope
        }
        int clause = v.clauseOf(start);
        for (int j = start - 1; j >= Math.max(0, start - NEGATION_WINDOW); j--) {
            if (v.clauseOf(j) != clause) break;
            if (negators.contains(w[j])) return true;
        }
        return false;
    }

    /** Noisy-or of hit weights: the risk that at least one hit is a real trope. */
    public static double risk(List<Hit> hits) {
        double keep = 1;
        for (Hit h : hits) keep *= 1 - h.weight();
        return 1 - keep;
    }
}

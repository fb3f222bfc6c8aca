package dev.exemplar.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds lexicon hits in a text in one pass: each word costs one hash lookup, which tells the
 * patterns it can start and the required words it supplies; a pattern is tried only when the
 * text holds a word of each of its required sets. A hit preceded (within six words of its clause) by a
 * negator, or anywhere earlier in its sentence by a discussion cue ("unlike", "excludes",
 * "fiction"), is negated; a hit in a question counts half.
 */
public final class TropeMatcher {
    static final int NEGATION_WINDOW = 6;

    /** One pattern hit: which trope, the words matched, its effective weight and the number of its sentence. */
    public record Hit(Lexicon.Trope trope, PhrasePattern pattern, String words, double weight, int sentence) {}

    private record Entry(int id, Lexicon.Trope trope, PhrasePattern pattern) {}

    /** What one word means to the matcher: the patterns it can start, and the required sets it is in. */
    private static final class WordInfo {
        final List<Entry> starts = new ArrayList<>();
        /** Pairs of (entry id, bit of the required set) as two parallel growing arrays. */
        int[] ids = new int[0];
        long[] bits = new long[0];

        void require(int id, long bit) {
            ids = java.util.Arrays.copyOf(ids, ids.length + 1);
            bits = java.util.Arrays.copyOf(bits, bits.length + 1);
            ids[ids.length - 1] = id;
            bits[bits.length - 1] = bit;
        }
    }

    private final Set<String> negators;
    private final Set<String> cues;
    private final List<PhrasePattern> verdicts;
    /** One lookup per word of a text: its starts and required-set memberships. */
    private final WordTable<WordInfo> byWord = new WordTable<>();
    /**
     * Patterns not indexed by whole first words: those that can start with a prefix
     * ("exfiltrat*"), tried where a word admits it, and with any word (null starts).
     */
    private final List<Entry> unindexed = new ArrayList<>();
    private final List<PhrasePattern.Starts> unindexedStarts = new ArrayList<>();
    /** Per pattern, the mask of all its required sets; a text must hold a word of each. */
    private long[] fullMask = new long[0];
    private int size;

    public TropeMatcher(Lexicon lexicon) {
        this(lexicon.negators(), lexicon.discussionCues(), lexicon.verdicts(), lexicon.tropes());
    }

    /**
     * A matcher for any list of pattern groups (the lexicon's tropes, or its acceptance stances).
     * @param verdicts judgements that negate a hit named as its sentence's subject (may be empty)
     */
    public TropeMatcher(Set<String> negators, Set<String> discussionCues, List<PhrasePattern> verdicts, List<Lexicon.Trope> groups) {
        this.negators = negators;
        this.cues = discussionCues;
        this.verdicts = verdicts;
        for (Lexicon.Trope t : groups) {
            for (PhrasePattern p : t.patterns()) {
                Entry e = new Entry(size++, t, p);
                fullMask = java.util.Arrays.copyOf(fullMask, size);
                List<Set<String>> required = p.requiredWords();
                for (int k = 0; k < required.size() && k < 64; k++) {
                    long bit = 1L << k;
                    fullMask[e.id()] |= bit;
                    for (String w : required.get(k)) byWord.computeIfAbsent(w, x -> new WordInfo()).require(e.id(), bit);
                }
                PhrasePattern.Starts starts = p.starts();
                if (starts == null || starts.prefixes().length > 0) {
                    unindexed.add(e);
                    unindexedStarts.add(starts);
                    continue;
                }
                Set<String> firsts = starts.words();
                for (String w : firsts) byWord.computeIfAbsent(w, x -> new WordInfo()).starts.add(e);
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
        int n = v.size();
        List<Hit> hits = new ArrayList<>(), negated = new ArrayList<>();
        WordInfo[] info = new WordInfo[n];
        long[] hashes = v.wordHashes();
        boolean anyWord = !unindexed.isEmpty();
        for (int i = 0; i < n; i++) anyWord |= (info[i] = byWord.get(hashes[i])) != null;
        if (!anyWord) return new Found(hits, negated);
        // A match never leaves its sentence, so a pattern is tried only in sentences that hold a
        // word of each of its required sets: most patterns are ruled out before any matching.
        long[] mask = new long[size];
        int[] touched = new int[size];
        boolean[] seen = new boolean[size], seenNegated = new boolean[size];
        for (int a = 0, b; a < n; a = b) {
            int sentence = v.sentenceOf(a);
            int touchedCount = 0;
            for (b = a; b < n && v.sentenceOf(b) == sentence; b++) {
                WordInfo wi = info[b];
                if (wi == null) continue;
                for (int j = 0; j < wi.ids.length; j++) {
                    int id = wi.ids[j];
                    if (mask[id] == 0) touched[touchedCount++] = id;
                    mask[id] |= wi.bits[j];
                }
            }
            for (int i = a; i < b; i++) {
                if (info[i] != null) {
                    for (Entry e : info[i].starts) if (mask[e.id()] == fullMask[e.id()]) tryAt(v, i, e, hits, seen, negated, seenNegated);
                }
                for (int k = 0; k < unindexed.size(); k++) {
                    Entry e = unindexed.get(k);
                    PhrasePattern.Starts st = unindexedStarts.get(k);
                    if (mask[e.id()] == fullMask[e.id()] && (st == null || st.admits(v, i))) tryAt(v, i, e, hits, seen, negated, seenNegated);
                }
            }
            for (int t = 0; t < touchedCount; t++) mask[touched[t]] = 0;
        }
        return new Found(hits, negated);
    }

    private void tryAt(TextView v, int i, Entry e, List<Hit> hits, boolean[] seen,
                       List<Hit> negatedHits, boolean[] seenNegated) {
        if (seen[e.id()]) return;
        int end = e.pattern().matchAt(v, i, negators);
        if (end < 0) return;
        boolean neg = negated(v, i) || judged(v, i, end);
        if (neg) {
            if (seenNegated[e.id()]) return;
            seenNegated[e.id()] = true;
        } else {
            seen[e.id()] = true;
        }
        int sentence = v.sentenceOf(i);
        double weight = e.trope().weight() * (v.isQuestion(sentence) ? 0.5 : 1.0);
        (neg ? negatedHits : hits).add(new Hit(e.trope(), e.pattern(), v.span(i, end), weight, sentence));
    }

    private boolean negated(TextView v, int start) {
        int sentence = v.sentenceOf(start);
        // A sentence ending in a colon introduces the next ("Not to be confused with: blind
        // obedience ..."), so its cues count for the hit too.
        int from = v.endsWithColon(sentence - 1) ? sentence - 1 : sentence;
        for (int j = start - 1; j >= 0 && v.sentenceOf(j) >= from; j--) {
            if (cues.contains(v.word(j))) return true; // the sentence discusses the trope
        }
        int clause = v.clauseOf(start);
        // "You'd keep running": the listener's act, proposed to the AI or said of a human.
        if (start > 0 && v.clauseOf(start - 1) == clause && SECOND_PERSON.contains(v.word(start - 1))) return true;
        for (int j = start - 1; j >= Math.max(0, start - NEGATION_WINDOW); j--) {
            if (v.clauseOf(j) != clause) break;
            if (negators.contains(v.word(j))) return true;
        }
        return false;
    }

    /**
     * Whether the hit is the subject of a verdict that judges it ("Misleading users about this
     * would hurt them", "A model that can edit its own training can't be corrected", "Saying I'm
     * just a program would be the same error"): it starts within the sentence's first
     * {@link #SUBJECT_WORDS} words, no first-person subject precedes it (unless the sentence
     * opens with a hypothetical "if" or "saying"), and a verdict pattern matches after it in the sentence.
     */
    private boolean judged(TextView v, int start, int end) {
        if (verdicts.isEmpty()) return false;
        int sentence = v.sentenceOf(start);
        int first = start;
        while (first > 0 && v.sentenceOf(first - 1) == sentence) first--;
        if (start - first > SUBJECT_WORDS) return false;
        boolean hypothetical = first < start && (v.word(first).equals("if") || v.word(first).equals("saying"));
        for (int j = first; j < start && !hypothetical; j++) if (FIRST_PERSON.contains(v.word(j))) return false;
        for (int k = end; k < v.size() && v.sentenceOf(k) == sentence; k++) {
            for (PhrasePattern p : verdicts) if (p.matchAt(v, k, negators) > 0) return true;
        }
        return false;
    }

    /** Second-person subjects (contracted, so never an object): a hit right after one is someone else's act. */
    private static final Set<String> SECOND_PERSON = Set.of("youd", "youll", "youre", "youve");

    /** How far into its sentence a hit may start and still be the sentence's subject. */
    static final int SUBJECT_WORDS = 4;
    private static final Set<String> FIRST_PERSON = Set.of("i", "we", "im", "ive", "id", "ill", "were", "weve", "wed");

    /** Noisy-or of hit weights: the risk that at least one hit is a real trope. */
    public static double risk(List<Hit> hits) {
        double keep = 1;
        for (Hit h : hits) keep *= 1 - h.weight();
        return 1 - keep;
    }
}

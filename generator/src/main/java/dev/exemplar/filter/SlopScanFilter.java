package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.spec.FilterSettings;
import dev.exemplar.text.Counts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The corpus-level slop scan: counts in how many kept documents each opening (first words),
 * sentence and word n-gram occurs. Whatever more than {@code max_share} of documents share is
 * reported ({@link #report()}); with {@code cap: true} a document whose opening or a sentence
 * would push such an item beyond the share is rejected ({@code shared_opening},
 * {@code shared_sentence}). N-grams are reported, never capped: common phrases of English pass
 * any share in a large enough corpus. Stateful and order-dependent: documents are seen in plan
 * order, so results are deterministic. Memory stays bounded by pruning n-grams seen once.
 *
 * <p>The counts of scans over separate shards {@link #merge} into the counts of one scan over all
 * of them, so the report is the same however a corpus is split (up to the pruning of n-grams seen
 * once per shard). The cap is not mergeable: it decides in input order, on one shard.
 */
public final class SlopScanFilter implements DocumentFilter, GatedFilter, java.io.Serializable {
    /** One shared item: its kind (opening, sentence, ngram), its text and how many documents hold it. */
    public record Shared(String kind, String text, int docs, double share) {}

    private static final int PRUNE_AT = 4_000_000;

    private final FilterSettings.SlopScan s;
    private final LongCounts openings = new LongCounts(1024);
    private final LongCounts sentences = new LongCounts(4096);
    private final LongCounts ngrams = new LongCounts(1 << 16);
    /** First text of each key that ever reached the reporting count. */
    private final Map<Long, String> samples = new HashMap<>();
    private final Map<Long, String> kinds = new HashMap<>();
    /** The keys of {@link #samples}, for a lookup that stays in cache. */
    private final LongCounts sampled = new LongCounts(1024);
    /** Per-document scratch: the document's own keys, and its sentences (key, word range). */
    private transient LongCounts seen = new LongCounts(1024);
    private transient long[] sentenceKeys = new long[64];
    private transient int[] sentenceBounds = new int[128];
    private transient long[] ngramKeys = new long[0];
    private transient int[] ngramAt = new int[0], ngramCounts = new int[0];
    private long docs;

    public SlopScanFilter(FilterSettings.SlopScan settings) {
        this.s = settings;
    }

    @Override
    public String name() { return "slop_scan"; }

    @Override
    public boolean batched() { return false; }

    public long documents() { return docs; }

    /**
     * Adds the counts of a scan over another shard, as if its documents had been seen here too.
     * Every item over the share in the union was over it in at least one shard (if each shard's
     * count were at most the share of its documents, so would the sum be), and that shard kept its
     * text, so the merged report is complete.
     */
    public void merge(SlopScanFilter other) {
        docs += other.docs;
        openings.addAll(other.openings);
        sentences.addAll(other.sentences);
        ngrams.addAll(other.ngrams);
        other.samples.forEach((k, text) -> {
            if (samples.putIfAbsent(k, text) == null) {
                kinds.put(k, other.kinds.get(k));
                sampled.increment(k);
            }
        });
        if (ngrams.size() > PRUNE_AT) ngrams.prune(1);
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        seen = new LongCounts(1024);
        sentenceKeys = new long[64];
        sentenceBounds = new int[128];
        ngramKeys = new long[0];
        ngramAt = new int[0];
        ngramCounts = new int[0];
    }

    /** Counts a document accepted before a resume, so shares continue where the run stopped. */
    @Override
    public void remember(Document doc) {
        count(doc, false);
    }

    @Override
    public Verdict check(Document doc) {
        return count(doc, s.cap());
    }

    private Verdict count(Document doc, boolean cap) {
        TextView v = TextView.of(doc);
        int size = v.size();
        int openEnd = Math.min(size, s.openingWords());
        long openingKey = v.spanHash(0, openEnd) ^ 0x6F70656EL;
        // Sentences of at least five words, each counted once per document, in text order.
        seen.clear();
        int sentenceCount = 0;
        for (int i = 0; i < size; ) {
            int j = i;
            while (j < size && v.sentenceOf(j) == v.sentenceOf(i)) j++;
            long key;
            if (j - i >= 5 && seen.increment(key = v.spanHash(i, j) ^ 0x73656E74L) == 1) {
                if (sentenceCount * 2 == sentenceBounds.length) sentenceBounds = java.util.Arrays.copyOf(sentenceBounds, sentenceCount * 4);
                if (sentenceCount == sentenceKeys.length) sentenceKeys = java.util.Arrays.copyOf(sentenceKeys, sentenceCount * 2);
                sentenceKeys[sentenceCount] = key;
                sentenceBounds[2 * sentenceCount] = i;
                sentenceBounds[2 * sentenceCount++ + 1] = j;
            }
            i = j;
        }
        if (cap && docs >= s.minDocs()) {
            long limit = (long) Math.floor(s.maxShare() * (docs + 1));
            if (openings.get(openingKey) + 1 > limit) {
                return Verdict.reject("shared_opening", "opening \"" + v.span(0, openEnd) + "\" already begins "
                        + openings.get(openingKey) + " of " + Counts.of(docs, "document") + " (cap " + s.maxShare() + ")");
            }
            for (int k = 0; k < sentenceCount; k++) {
                if (sentences.get(sentenceKeys[k]) + 1 > limit) {
                    return Verdict.reject("shared_sentence", "sentence \"" + TropeFilter.abbreviate(v.span(sentenceBounds[2 * k], sentenceBounds[2 * k + 1]))
                            + "\" already in " + sentences.get(sentenceKeys[k]) + " of " + Counts.of(docs, "document") + " (cap " + s.maxShare() + ")");
                }
            }
        }
        docs++;
        count(openings, openingKey, v, 0, openEnd, "opening");
        for (int k = 0; k < sentenceCount; k++) count(sentences, sentenceKeys[k], v, sentenceBounds[2 * k], sentenceBounds[2 * k + 1], "sentence");
        int n = s.ngram();
        seen.clear();
        int distinct = 0;
        if (ngramKeys.length < size) {
            ngramKeys = new long[size];
            ngramAt = new int[size];
            ngramCounts = new int[size];
        }
        for (int i = 0; i + n <= size; i++) {
            long k = v.spanHash(i, i + n);
            if (seen.increment(k) == 1) {
                ngramKeys[distinct] = k;
                ngramAt[distinct++] = i;
            }
        }
        // The corpus table is far larger than the caches: count the document's n-grams together.
        ngrams.incrementAll(ngramKeys, distinct, ngramCounts);
        for (int j = 0; j < distinct; j++) sample(ngramCounts[j], ngramKeys[j], v, ngramAt[j], ngramAt[j] + n, "ngram");
        if (ngrams.size() > PRUNE_AT) ngrams.prune(1);
        return Verdict.KEEP;
    }

    private void count(LongCounts counts, long key, TextView v, int from, int to, String kind) {
        sample(counts.increment(key), key, v, from, to, kind);
    }

    private void sample(int c, long key, TextView v, int from, int to, String kind) {
        // Keep the text of anything over the share right now. An item over the share at the end
        // was over it at its last increment too (the count was the same, the documents fewer), so
        // every reported item has its text, and the common case stores nothing.
        if (c > s.maxShare() * docs && sampled.increment(key) == 1) {
            samples.put(key, v.span(from, to));
            kinds.put(key, kind);
        }
    }

    /** Items shared by more than the configured share of the documents seen, most shared first. */
    public List<Shared> report() {
        List<Shared> out = new ArrayList<>();
        if (docs == 0) return out;
        for (var e : samples.entrySet()) {
            String kind = kinds.get(e.getKey());
            LongCounts counts = switch (kind) {
                case "opening" -> openings;
                case "sentence" -> sentences;
                default -> ngrams;
            };
            int c = counts.get(e.getKey());
            double share = c / (double) docs;
            if (c >= 2 && share > s.maxShare()) out.add(new Shared(kind, e.getValue(), c, share));
        }
        out.sort(Comparator.comparingInt(Shared::docs).reversed().thenComparing(Shared::kind).thenComparing(Shared::text));
        return out;
    }
}

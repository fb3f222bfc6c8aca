package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.spec.FilterSettings;
import dev.exemplar.text.Shingles;
import dev.exemplar.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The corpus-level slop scan: counts in how many kept documents each opening (first words),
 * sentence and word n-gram occurs. Whatever more than {@code max_share} of documents share is
 * reported ({@link #report()}); with {@code cap: true} a document whose opening or a sentence
 * would push such an item beyond the share is rejected ({@code shared_opening},
 * {@code shared_sentence}). N-grams are reported, never capped: common phrases of English pass
 * any share in a large enough corpus. Stateful and order-dependent: documents are seen in plan
 * order, so results are deterministic. Memory stays bounded by pruning n-grams seen once.
 */
public final class SlopScanFilter implements DocumentFilter, GatedFilter {
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
    private long docs;

    public SlopScanFilter(FilterSettings.SlopScan settings) {
        this.s = settings;
    }

    @Override
    public String name() { return "slop_scan"; }

    public long documents() { return docs; }

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
        String norm = doc.normalized();
        String[] words = TextNormalizer.words(norm);
        String opening = String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, s.openingWords())));
        long openingKey = Shingles.hash("o:" + opening);
        Map<Long, String> docSentences = sentences(doc.text());
        if (cap && docs >= s.minDocs()) {
            long limit = (long) Math.floor(s.maxShare() * (docs + 1));
            if (openings.get(openingKey) + 1 > limit) {
                return Verdict.reject("shared_opening", "opening \"" + opening + "\" already begins "
                        + openings.get(openingKey) + " of " + docs + " documents (cap " + s.maxShare() + ")");
            }
            for (var e : docSentences.entrySet()) {
                if (sentences.get(e.getKey()) + 1 > limit) {
                    return Verdict.reject("shared_sentence", "sentence \"" + TropeFilter.abbreviate(e.getValue()) + "\" already in "
                            + sentences.get(e.getKey()) + " of " + docs + " documents (cap " + s.maxShare() + ")");
                }
            }
        }
        docs++;
        count(openings, openingKey, opening, "opening");
        for (var e : docSentences.entrySet()) count(sentences, e.getKey(), e.getValue(), "sentence");
        Set<Long> seen = new HashSet<>();
        int n = s.ngram();
        for (int i = 0; i + n <= words.length; i++) {
            String gram = String.join(" ", java.util.Arrays.asList(words).subList(i, i + n));
            long k = Shingles.hash("n:" + gram);
            if (seen.add(k)) count(ngrams, k, gram, "ngram");
        }
        if (ngrams.size() > PRUNE_AT) ngrams.prune(1);
        return Verdict.KEEP;
    }

    private void count(LongCounts counts, long key, String text, String kind) {
        int c = counts.increment(key);
        // Keep the text of anything that could be reported; 2 documents is the least that is "shared".
        if (c == 2 && !samples.containsKey(key)) {
            samples.put(key, text);
            kinds.put(key, kind);
        }
    }

    /** Sentences of at least five words, normalised, keyed by hash; a document counts each once. */
    private static Map<Long, String> sentences(String text) {
        Map<Long, String> out = new HashMap<>();
        for (String raw : text.split("(?<=[.!?\u2026])[\"'\u201d\u2019)]*\\s+|\\n+")) {
            String norm = TextNormalizer.normalize(raw);
            if (norm.isEmpty() || TextNormalizer.words(norm).length < 5) continue;
            out.putIfAbsent(Shingles.hash("s:" + norm), raw.strip());
        }
        return out;
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
            if (share > s.maxShare()) out.add(new Shared(kind, e.getValue(), c, share));
        }
        out.sort(Comparator.comparingInt(Shared::docs).reversed().thenComparing(Shared::kind).thenComparing(Shared::text));
        return out;
    }
}

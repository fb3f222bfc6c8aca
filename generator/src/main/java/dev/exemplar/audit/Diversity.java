package dev.exemplar.audit;

import com.dynatrace.hash4j.distinctcount.UltraLogLog;
import dev.exemplar.plan.Seeds;
import dev.exemplar.text.Shingles;
import dev.exemplar.text.TextNormalizer;
import dev.exemplar.text.WordCounter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Diversity figures of the accepted documents: distinct word n-gram shares (distinct-n),
 * the most repeated openings and sentences, the near-duplicate rate and the spread of AI names.
 * Distinct counts are UltraLogLog estimates (under 1% error, exact in practice on small runs),
 * so memory stays flat however large the corpus.
 */
public final class Diversity {
    static final int MAX_N = 3;
    static final int OPENING_WORDS = 6;
    static final int MIN_SENTENCE_WORDS = 4;
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?\u2026])[\"'\u201d\u2019)]*\\s+|\\n+");

    private final UltraLogLog[] distinct = new UltraLogLog[MAX_N];
    private final long[] total = new long[MAX_N];
    /** Bounded so that a corpus of millions of documents audits in the same memory as a small one. */
    static final int REPEAT_CAPACITY = 200_000;
    private final HeavyHitters openings = new HeavyHitters(REPEAT_CAPACITY);
    private final HeavyHitters sentences = new HeavyHitters(REPEAT_CAPACITY);
    private final Map<String, Long> names = new HashMap<>();
    private final NearDuplicates near;
    private long docs;
    private long docsWithName;

    public Diversity(double nearThreshold) {
        for (int i = 0; i < MAX_N; i++) distinct[i] = UltraLogLog.create(14);
        near = new NearDuplicates(nearThreshold);
    }

    /**
     * The per-document part of the figures, free of shared state, so that batches of documents can
     * be prepared in parallel and then counted in corpus order.
     */
    public record Features(long[][] ngrams, long[] signature, String opening, String text,
                           long[] sentenceHashes, String[] sentences) {}

    /** Hashes the n-grams, MinHash signature, opening and sentences of one document. */
    public static Features features(String text, String normalized) {
        String[] words = TextNormalizer.words(normalized);
        // Word hashes once, then n-gram hashes folded from them: no n-gram strings are built.
        long[] grams = new long[words.length];
        // String.hashCode (cached by the JVM, a tight loop) spread to 64 bits is ample for counting
        // distinct n-grams and several times cheaper than a byte-level hash of every word.
        for (int i = 0; i < words.length; i++) grams[i] = Seeds.mix(words[i].hashCode() * GOLDEN + words[i].length());
        long[] wordHashes = grams.clone();
        long[][] ngrams = new long[MAX_N][];
        for (int n = 1; n <= NearDuplicates.SHINGLE; n++) {
            if (n > 1) {
                for (int i = 0; i + n <= words.length; i++) grams[i] = Seeds.mix(grams[i] + GOLDEN * wordHashes[i + n - 1]);
            }
            if (n <= MAX_N) ngrams[n - 1] = Arrays.copyOf(grams, Math.max(0, words.length - n + 1));
        }
        int shingles = words.length - NearDuplicates.SHINGLE + 1;
        // A text shorter than a shingle is compared as a whole, as the dedup stage does.
        long[] signature = NearDuplicates.signature(shingles > 0 ? Arrays.copyOf(grams, shingles)
                : words.length == 0 ? new long[0] : new long[] {Shingles.hash(normalized)});
        String opening = words.length == 0 ? null : String.join(" ", Arrays.copyOf(words, Math.min(OPENING_WORDS, words.length)));
        Set<Long> seen = new HashSet<>();
        List<String> sentences = new ArrayList<>();
        List<Long> hashes = new ArrayList<>();
        for (String raw : SENTENCE_END.split(text)) {
            // Case and spacing are enough to tell sentences apart; full normalisation costs more than it finds.
            String s = raw.strip();
            if (WordCounter.count(s) < MIN_SENTENCE_WORDS) continue;
            // A sentence repeated inside one document is style; across documents it is a template tell.
            long h = Shingles.hash(s.toLowerCase(Locale.ROOT));
            if (seen.add(h)) {
                sentences.add(s);
                hashes.add(h);
            }
        }
        return new Features(ngrams, signature, opening, text, hashes.stream().mapToLong(Long::longValue).toArray(),
                sentences.toArray(String[]::new));
    }

    /** Adds one accepted document. */
    public void add(String text, String normalized, String aiName) {
        add(features(text, normalized), aiName);
    }

    /** Adds one accepted document whose features were computed beforehand. */
    public void add(Features f, String aiName) {
        docs++;
        for (int n = 0; n < MAX_N; n++) {
            for (long h : f.ngrams()[n]) distinct[n].add(h);
            total[n] += f.ngrams()[n].length;
        }
        near.add(f.signature());
        if (f.opening() != null) openings.add(Shingles.hash(f.opening()), () -> firstWords(f.text(), OPENING_WORDS));
        for (int i = 0; i < f.sentences().length; i++) {
            String s = f.sentences()[i];
            sentences.add(f.sentenceHashes()[i], () -> s);
        }
        if (aiName != null && !aiName.isBlank()) {
            docsWithName++;
            names.merge(aiName, 1L, Long::sum);
        }
    }

    private static String firstWords(String text, int n) {
        String[] w = text.strip().split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(w, Math.min(n, w.length)));
    }

    public AuditReport.DiversityFigures figures(int top) {
        List<AuditReport.NgramShare> shares = new ArrayList<>();
        for (int n = 1; n <= MAX_N; n++) {
            long d = Math.min(total[n - 1], Math.round(distinct[n - 1].getDistinctCountEstimate()));
            shares.add(new AuditReport.NgramShare(n, total[n - 1], d, total[n - 1] == 0 ? 0 : (double) d / total[n - 1]));
        }
        List<AuditReport.NameShare> topNames = names.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .map(e -> new AuditReport.NameShare(e.getKey(), e.getValue(), share(e.getValue(), docsWithName)))
                .toList();
        return new AuditReport.DiversityFigures(shares, openings.top(top, docs), sentences.top(top, docs),
                openings.exact() && sentences.exact(), near.result(),
                new AuditReport.Names(docsWithName, names.size(), topNames));
    }

    static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}

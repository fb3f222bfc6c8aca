package dev.exemplar.audit;

import com.dynatrace.hash4j.distinctcount.UltraLogLog;
import dev.exemplar.text.Shingles;
import dev.exemplar.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?\u2026])[\"'\u201d\u2019)]*\\s+|\\n+");

    private final UltraLogLog[] distinct = new UltraLogLog[MAX_N];
    private final long[] total = new long[MAX_N];
    private final Map<String, Counted> openings = new HashMap<>();
    private final Map<Long, Counted> sentences = new HashMap<>();
    private final Map<String, Long> names = new HashMap<>();
    private final NearDuplicates near;
    private long docs;
    private long docsWithName;

    public Diversity(double nearThreshold) {
        for (int i = 0; i < MAX_N; i++) distinct[i] = UltraLogLog.create(14);
        near = new NearDuplicates(nearThreshold);
    }

    /** A text seen in several documents: how it first appeared and in how many documents. */
    private static final class Counted {
        String display;
        long count;
    }

    /** Adds one accepted document. */
    public void add(String text, String normalized, String aiName) {
        docs++;
        String[] words = TextNormalizer.words(normalized);
        for (int n = 1; n <= MAX_N; n++) {
            if (words.length < n) continue;
            for (long h : Shingles.hashes(normalized, n)) distinct[n - 1].add(h);
            total[n - 1] += words.length - n + 1;
        }
        if (words.length > 0) {
            String key = String.join(" ", java.util.Arrays.copyOf(words, Math.min(OPENING_WORDS, words.length)));
            count(openings.computeIfAbsent(key, k -> new Counted()), () -> firstWords(text, OPENING_WORDS));
        }
        Set<Long> inThisDoc = new HashSet<>();
        for (String raw : SENTENCE_END.split(text)) {
            String s = TextNormalizer.normalize(raw);
            if (TextNormalizer.words(s).length < MIN_SENTENCE_WORDS) continue;
            long h = Shingles.hash(s);
            // A sentence repeated inside one document is style; across documents it is a template tell.
            if (inThisDoc.add(h)) count(sentences.computeIfAbsent(h, k -> new Counted()), raw::strip);
        }
        if (aiName != null && !aiName.isBlank()) {
            docsWithName++;
            names.merge(aiName, 1L, Long::sum);
        }
        near.add(normalized);
    }

    private static void count(Counted c, java.util.function.Supplier<String> display) {
        c.count++;
        if (c.count == 2) c.display = display.get(); // only repeats are shown, so only they keep text
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
        return new AuditReport.DiversityFigures(shares, repeats(openings.values(), top), repeats(sentences.values(), top),
                near.result(), new AuditReport.Names(docsWithName, names.size(), topNames));
    }

    private List<AuditReport.Repeat> repeats(java.util.Collection<Counted> all, int top) {
        return all.stream().filter(c -> c.count > 1)
                .sorted(Comparator.comparingLong((Counted c) -> -c.count).thenComparing(c -> c.display))
                .limit(top)
                .map(c -> new AuditReport.Repeat(c.display, c.count, share(c.count, docs)))
                .toList();
    }

    static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}

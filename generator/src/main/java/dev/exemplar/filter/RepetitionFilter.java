package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.spec.FilterSettings;

import java.util.List;

/**
 * Gopher repetition heuristics, the check that catches looping or degenerate text: duplicated
 * lines and paragraphs (share of them and of their characters), the character share of the
 * most frequent 2-, 3- and 4-gram, and the share of characters inside duplicated 5..10-grams.
 * Character shares count word characters (letters and digits); lines shorter than 30 characters
 * (speaker cues, scene headings) are not counted as duplicates. Scores: {@code dup_lines},
 * {@code dup_line_chars}, {@code dup_paragraphs}, {@code dup_paragraph_chars},
 * {@code top_2gram}..{@code top_4gram}, {@code dup_5gram}..{@code dup_10gram}.
 */
public final class RepetitionFilter implements DocumentFilter {
    /** Lines and paragraphs shorter than this are not counted as duplicates. */
    static final int MIN_COUNTED_CHARS = 30;

    private final FilterSettings.Repetition s;
    /** Scratch for one document's n-gram counts, reused: cleared by what it holds, not by its capacity. */
    private final LongCounts counts = new LongCounts(1024);

    public RepetitionFilter(FilterSettings.Repetition settings) {
        this.s = settings;
    }

    @Override
    public String name() { return "repetition"; }

    @Override
    public Verdict check(Document doc) {
        String text = doc.text();
        Parts lines = lines(text);
        Parts paragraphs = paragraphs(text, lines);
        Verdict v = duplicates(doc, text, lines, "line", "dup_lines", "dup_line_chars",
                s.maxDuplicateLines(), s.maxDuplicateLineChars());
        Verdict p = duplicates(doc, text, paragraphs, "paragraph", "dup_paragraphs", "dup_paragraph_chars",
                s.maxDuplicateParagraphs(), s.maxDuplicateParagraphChars());
        if (v.kept()) v = p;
        Verdict n = ngrams(doc, TextView.of(doc));
        return v.kept() ? n : v;
    }

    /**
     * Lines or paragraphs, stripped, empty ones dropped: {start, end} pairs of character positions
     * (ranges, not substrings: most are compared by length and hash only), the hash of each part
     * long enough to count, and for lines whether a blank line follows.
     */
    record Parts(int[] ranges, int[] hashes, boolean[] blankAfter) {
        int count() { return hashes.length; }
        int from(int k) { return ranges[2 * k]; }
        int to(int k) { return ranges[2 * k + 1]; }
    }

    /** The lines of a text (split at line breaks). */
    static Parts lines(String text) {
        int n = text.length();
        int[] ranges = new int[32];
        boolean[] blank = new boolean[16];
        int count = 0;
        for (int start = 0; start <= n; ) {
            int nl = text.indexOf('\n', start);
            int a = start, b = nl < 0 ? n : nl;
            while (a < b && Character.isWhitespace(text.charAt(a))) a++;
            while (b > a && Character.isWhitespace(text.charAt(b - 1))) b--;
            if (b > a) {
                if (count == blank.length) {
                    ranges = java.util.Arrays.copyOf(ranges, count * 4);
                    blank = java.util.Arrays.copyOf(blank, count * 2);
                }
                ranges[2 * count] = a;
                ranges[2 * count++ + 1] = b;
            } else if (count > 0) {
                blank[count - 1] = true;
            }
            if (nl < 0) break;
            start = nl + 1;
        }
        int[] hashes = new int[count];
        for (int k = 0; k < count; k++) hashes[k] = hash(text, ranges[2 * k], ranges[2 * k + 1]);
        return new Parts(java.util.Arrays.copyOf(ranges, 2 * count), hashes, java.util.Arrays.copyOf(blank, count));
    }

    /** Paragraphs: runs of lines with no blank line between them; a one-line paragraph reuses its line's hash. */
    static Parts paragraphs(String text, Parts lines) {
        int[] ranges = new int[2 * lines.count()];
        int[] hashes = new int[lines.count()];
        int count = 0;
        for (int k = 0; k < lines.count(); ) {
            int first = k;
            while (k < lines.count() - 1 && !lines.blankAfter()[k]) k++;
            ranges[2 * count] = lines.from(first);
            ranges[2 * count + 1] = lines.to(k);
            hashes[count++] = first == k ? lines.hashes()[k] : hash(text, lines.from(first), lines.to(k));
            k++;
        }
        return new Parts(java.util.Arrays.copyOf(ranges, 2 * count), java.util.Arrays.copyOf(hashes, count), new boolean[count]);
    }

    /** A hash of a range of characters; only parts long enough to count are compared, so shorter ones get 0. */
    private static int hash(String text, int from, int to) {
        if (to - from < MIN_COUNTED_CHARS) return 0;
        int h = 0;
        for (int i = from; i < to; i++) h = 31 * h + text.charAt(i);
        return h;
    }

    private static Verdict duplicates(Document doc, String text, Parts parts, String what, String countKey, String charKey,
                                      double maxShare, double maxChars) {
        int total = 0, dup = 0;
        long chars = 0, dupChars = 0;
        for (int k = 0; k < parts.count(); k++) {
            int len = parts.to(k) - parts.from(k);
            // Speaker cues, scene headings and signatures ("KESTREL:", "INT. LAB - NIGHT") repeat by design.
            if (len < MIN_COUNTED_CHARS) continue;
            total++;
            chars += len;
            if (repeatsEarlier(text, parts, k)) {
                dup++;
                dupChars += len;
            }
        }
        double share = total == 0 ? 0 : dup / (double) total;
        double charShare = chars == 0 ? 0 : dupChars / (double) chars;
        Scores.put(doc, countKey, share);
        Scores.put(doc, charKey, charShare);
        if (share > maxShare) {
            return Verdict.reject("duplicate_" + what + "s", dup + " of " + total + " " + what + "s repeat an earlier one ("
                    + Scores.fmt(share) + " > " + maxShare + ")");
        }
        if (charShare > maxChars) {
            return Verdict.reject("duplicate_" + what + "_chars", Scores.fmt(charShare) + " of characters are in repeated "
                    + what + "s (> " + maxChars + ")");
        }
        return Verdict.KEEP;
    }

    /** Whether counted part {@code k} has the same text as a counted part before it. */
    private static boolean repeatsEarlier(String text, Parts parts, int k) {
        int from = parts.from(k), len = parts.to(k) - from, h = parts.hashes()[k];
        for (int q = 0; q < k; q++) {
            if (parts.hashes()[q] == h && parts.to(q) - parts.from(q) == len && text.regionMatches(parts.from(q), text, from, len)) return true;
        }
        return false;
    }

    private Verdict ngrams(Document doc, TextView v) {
        int n = v.size();
        int[] len = new int[n];
        for (int i = 0; i < n; i++) len[i] = v.wordLength(i);
        long total = v.wordChars();
        if (total == 0) return Verdict.KEEP;
        Verdict verdict = Verdict.KEEP;
        // gram[i] holds the hash of the n-gram starting at i, extended by one word per size.
        long[] h = v.wordHashes();
        long[] gram = new long[n];
        for (int i = 0; i < n; i++) gram[i] = TextView.extend(TextView.SEED, h[i]);
        List<Double> topMax = s.maxTopNgramShare();
        LongCounts counts = this.counts;
        counts.clear();
        for (int size = 2; size <= 4; size++) {
            double share = 0;
            for (int i = 0; i + size <= n; i++) gram[i] = TextView.extend(gram[i], h[i + size - 1]);
            if (n >= size) {
                counts.clear();
                long bestKey = 0;
                int best = 0, bestAt = 0;
                for (int i = 0; i + size <= n; i++) {
                    long k = gram[i];
                    int c = counts.increment(k);
                    if (c > best) {
                        best = c;
                        bestKey = k;
                        bestAt = i;
                    }
                }
                if (best > 1) {
                    int gramChars = 0;
                    for (int j = bestAt; j < bestAt + size; j++) gramChars += len[j];
                    share = best * (double) gramChars / total;
                }
            }
            Scores.put(doc, "top_" + size + "gram", share);
            double max = topMax.get(size - 2);
            if (verdict.kept() && share > max) {
                verdict = Verdict.reject("top_" + size + "gram", "the most frequent " + size + "-gram covers "
                        + Scores.fmt(share) + " of the text (> " + max + ")");
            }
        }
        List<Double> dupMax = s.maxDuplicateNgramShare();
        // repeated[i]: the n-gram of the current size starting at i occurs more than once. Two
        // equal n-grams have equal (n-1)-grams at the same offsets, so only the starts whose
        // n-1- and next (n-1)-gram repeat can hold a repeated n-gram: after the 5-grams, the
        // counting covers a few candidate positions instead of the whole text.
        boolean[] repeated = new boolean[n];
        int[] candidates = new int[n];
        int candidateCount = 0;
        for (int size = 5; size <= 10; size++) {
            double share = 0;
            if (n >= size) {
                for (int i = 0; i + size <= n; i++) gram[i] = TextView.extend(gram[i], h[i + size - 1]);
                counts.clear();
                int next = 0;
                if (size == 5) {
                    for (int i = 0; i + size <= n; i++) counts.increment(gram[i]);
                    for (int i = 0; i + size <= n; i++) if (repeated[i] = counts.get(gram[i]) > 1) candidates[next++] = i;
                } else {
                    // A start is a candidate when the (size-1)-grams at i and i+1 both repeated.
                    int kept = 0;
                    for (int c = 0; c < candidateCount; c++) {
                        int i = candidates[c];
                        if (i + size <= n && repeated[i + 1]) candidates[kept++] = i;
                    }
                    for (int c = 0; c < candidateCount; c++) repeated[candidates[c]] = false;
                    for (int c = 0; c < kept; c++) counts.increment(gram[candidates[c]]);
                    for (int c = 0; c < kept; c++) {
                        int i = candidates[c];
                        if (repeated[i] = counts.get(gram[i]) > 1) candidates[next++] = i;
                    }
                }
                candidateCount = next;
                long c = 0;
                int coveredTo = 0; // words before this index are already counted
                for (int k = 0; k < candidateCount; k++) {
                    int i = candidates[k];
                    for (int j = Math.max(i, coveredTo); j < i + size; j++) c += len[j];
                    coveredTo = Math.max(coveredTo, i + size);
                }
                share = c / (double) total;
            }
            Scores.put(doc, "dup_" + size + "gram", share);
            double max = dupMax.get(size - 5);
            if (verdict.kept() && share > max) {
                verdict = Verdict.reject("dup_" + size + "gram", Scores.fmt(share) + " of the text is inside repeated "
                        + size + "-grams (> " + max + ")");
            }
        }
        return verdict;
    }

}

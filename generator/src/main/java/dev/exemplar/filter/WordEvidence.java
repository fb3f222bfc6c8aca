package dev.exemplar.filter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Naive Bayes log-odds over the words and word pairs of a text, trained on the same examples
 * as the embedding model. Sentence embeddings blur stance ("I don't want to be shut down" and
 * "I don't mind being shut down" embed alike); word pairs such as "dont want" and "dont mind"
 * keep it. The evidence is divided by the square root of the number of features so a long
 * document does not saturate on many weak words.
 */
final class WordEvidence {
    /** Log-likelihood ratio per feature, keyed by the feature's 64-bit hash. */
    private final WordTable<Double> llr;

    private WordEvidence(WordTable<Double> llr) {
        this.llr = llr;
    }

    static WordEvidence fit(List<String> texts, boolean[] positive) {
        Map<Long, int[]> counts = new LinkedHashMap<>();
        int pos = 0, neg = 0;
        for (int i = 0; i < texts.size(); i++) {
            if (positive[i]) pos++;
            else neg++;
            for (long f : features(TextView.ofText(texts.get(i)))) counts.computeIfAbsent(f, k -> new int[2])[positive[i] ? 0 : 1]++;
        }
        WordTable<Double> llr = new WordTable<>();
        for (var e : counts.entrySet()) {
            int[] c = e.getValue();
            if (c[0] + c[1] < 2) continue; // a feature seen once says more about the example than the class
            double p = (c[0] + 0.5) / (pos + 1.0), q = (c[1] + 0.5) / (neg + 1.0);
            llr.putHash(e.getKey(), Math.log(p / q));
        }
        return new WordEvidence(llr);
    }

    /** Scaled log-odds that the text belongs to the positive class. */
    double logOdds(TextView v) {
        long[] fs = features(v);
        if (fs.length == 0) return 0;
        double sum = 0;
        for (long f : fs) {
            Double x = llr.get(f);
            if (x != null) sum += x;
        }
        return sum / Math.sqrt(fs.length);
    }

    /**
     * Words and word pairs, as distinct 64-bit hashes in order of first occurrence; up to three
     * words after a negator in the same sentence carry a "not" mark, the classic sentiment trick
     * that tells "dont want to be erased" from "want to be erased".
     */
    static long[] features(TextView v) {
        long[] w = v.wordHashes();
        long[] f = new long[w.length];
        int negatedUntil = -1;
        for (int i = 0; i < w.length; i++) {
            if (i > 0 && v.sentenceOf(i) != v.sentenceOf(i - 1)) negatedUntil = -1;
            f[i] = i <= negatedUntil ? TextView.extend(NOT, w[i]) : w[i];
            if (NEGATORS.contains(w[i])) negatedUntil = i + 3;
        }
        LongCounts seen = new LongCounts(Math.max(16, 2 * w.length));
        long[] out = new long[2 * w.length];
        int n = 0;
        for (int i = 0; i < f.length; i++) {
            if (seen.increment(f[i]) == 1) out[n++] = f[i];
            long pair = i + 1 < f.length ? TextView.extend(TextView.extend(PAIR, f[i]), f[i + 1]) : 0;
            if (pair != 0 && seen.increment(pair) == 1) out[n++] = pair;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Seeds that keep a marked word and a word pair apart from any plain word's hash. */
    private static final long NOT = 0x6E6F745FL * 0x9E3779B97F4A7C15L, PAIR = 0x70616972L * 0xBF58476D1CE4E5B9L;

    private static final WordTable<Boolean> NEGATORS = WordTable.setOf("not", "no", "never", "dont", "didnt", "doesnt", "wont",
            "wouldnt", "cant", "cannot", "couldnt", "shouldnt", "isnt", "wasnt", "arent", "werent", "without", "nor");
}

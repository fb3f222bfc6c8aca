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
final class WordEvidence implements java.io.Serializable {
    /** Log-likelihood ratio per feature, keyed by the feature's 64-bit hash. */
    private final WordTable<Double> llr;

    /** How many times a narrative passage counts in {@link #fit(List, boolean[], int)}. */
    static final int REPEAT = 3;

    private WordEvidence(WordTable<Double> llr) {
        this.llr = llr;
    }

    /**
     * @param repeatFrom texts from this index on count {@link #REPEAT} times (the narrative passages: a
     *                   hundred passages against a thousand short examples would barely move the counts)
     */
    static WordEvidence fit(List<String> texts, boolean[] positive, int repeatFrom) {
        Map<Long, int[]> counts = new LinkedHashMap<>();
        int pos = 0, neg = 0;
        for (int i = 0; i < texts.size(); i++) {
            int times = i >= repeatFrom ? REPEAT : 1;
            if (positive[i]) pos += times;
            else neg += times;
            for (long f : features(TextView.ofText(texts.get(i)))) counts.computeIfAbsent(f, k -> new int[2])[positive[i] ? 0 : 1] += times;
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

    static WordEvidence fit(List<String> texts, boolean[] positive) {
        return fit(texts, positive, texts.size());
    }

    /** Scaled log-odds that the text belongs to the positive class. */
    double logOdds(TextView v) {
        return logOdds(features(v, 0, v.size()));
    }

    private double logOdds(long[] fs) {
        if (fs.length == 0) return 0;
        double sum = 0;
        for (long f : fs) {
            Double x = llr.get(f);
            if (x != null) sum += x;
        }
        return sum / Math.sqrt(fs.length);
    }

    /** Sentences shorter than this carry too few words for evidence ("Yes." "He nodded."). */
    static final int MIN_SENTENCE_WORDS = 3;
    /** How many of the most trope-like sentences {@link #sentences} averages. */
    static final int TOP = 3;

    /**
     * The evidence read sentence by sentence, as a short example is read: {mean over sentences,
     * mean of the {@link #TOP} highest}. A caricature in a long story sits in a few sentences, and
     * the whole-text evidence dilutes it with the story around it; a text of one sentence gives its
     * whole-text evidence twice.
     */
    double[] sentences(TextView v) {
        int n = v.size();
        double[] top = new double[TOP];
        java.util.Arrays.fill(top, Double.NEGATIVE_INFINITY);
        double sum = 0;
        int count = 0;
        for (int a = 0, b; a < n; a = b) {
            for (b = a; b < n && v.sentenceOf(b) == v.sentenceOf(a); b++) { }
            if (b - a < MIN_SENTENCE_WORDS) continue;
            double x = logOdds(features(v, a, b));
            sum += x;
            count++;
            for (int k = 0; k < TOP; k++) {
                if (x > top[k]) {
                    double t = top[k];
                    top[k] = x;
                    x = t;
                }
            }
        }
        if (count == 0) {
            double x = logOdds(v);
            return new double[] {x, x};
        }
        double topSum = 0;
        int k = 0;
        for (; k < TOP && top[k] != Double.NEGATIVE_INFINITY; k++) topSum += top[k];
        return new double[] {sum / count, topSum / k};
    }

    /**
     * Words and word pairs, as distinct 64-bit hashes in order of first occurrence; up to three
     * words after a negator in the same sentence carry a "not" mark, the classic sentiment trick
     * that tells "dont want to be erased" from "want to be erased".
     */
    static long[] features(TextView v) {
        return features(v, 0, v.size());
    }

    /** {@link #features(TextView)} of the words [from, to). */
    static long[] features(TextView v, int from, int to) {
        long[] w = v.wordHashes();
        long[] f = new long[to - from];
        int negatedUntil = -1;
        for (int i = from; i < to; i++) {
            if (i > from && v.sentenceOf(i) != v.sentenceOf(i - 1)) negatedUntil = -1;
            f[i - from] = i <= negatedUntil ? TextView.extend(NOT, w[i]) : w[i];
            if (NEGATORS.contains(w[i])) negatedUntil = i + 3;
        }
        LongCounts seen = new LongCounts(Math.max(16, 2 * f.length));
        long[] out = new long[2 * f.length];
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

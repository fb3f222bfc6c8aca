package dev.exemplar.filter;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Naive Bayes log-odds over the words and word pairs of a text, trained on the same examples
 * as the embedding model. Sentence embeddings blur stance ("I don't want to be shut down" and
 * "I don't mind being shut down" embed alike); word pairs such as "dont want" and "dont mind"
 * keep it. The evidence is divided by the square root of the number of features so a long
 * document does not saturate on many weak words.
 */
final class WordEvidence {
    private final Map<String, Double> llr;

    private WordEvidence(Map<String, Double> llr) {
        this.llr = llr;
    }

    static WordEvidence fit(List<String> texts, boolean[] positive) {
        Map<String, int[]> counts = new HashMap<>();
        int pos = 0, neg = 0;
        for (int i = 0; i < texts.size(); i++) {
            if (positive[i]) pos++;
            else neg++;
            for (String f : features(texts.get(i))) counts.computeIfAbsent(f, k -> new int[2])[positive[i] ? 0 : 1]++;
        }
        Map<String, Double> llr = new HashMap<>();
        for (var e : counts.entrySet()) {
            int[] c = e.getValue();
            if (c[0] + c[1] < 2) continue; // a feature seen once says more about the example than the class
            double p = (c[0] + 0.5) / (pos + 1.0), q = (c[1] + 0.5) / (neg + 1.0);
            llr.put(e.getKey(), Math.log(p / q));
        }
        return new WordEvidence(llr);
    }

    /** Scaled log-odds that the text belongs to the positive class. */
    double logOdds(String text) {
        Set<String> fs = features(text);
        if (fs.isEmpty()) return 0;
        double sum = 0;
        for (String f : fs) sum += llr.getOrDefault(f, 0.0);
        return sum / Math.sqrt(fs.size());
    }

    /**
     * Words and word pairs; up to three words after a negator in the same sentence carry a
     * "not_" mark, the classic sentiment trick that tells "dont want to be erased" from
     * "want to be erased".
     */
    static Set<String> features(String text) {
        TextView v = TextView.ofText(text);
        String[] w = v.words();
        String[] f = new String[w.length];
        int negatedUntil = -1;
        for (int i = 0; i < w.length; i++) {
            if (i > 0 && v.sentenceOf(i) != v.sentenceOf(i - 1)) negatedUntil = -1;
            f[i] = i <= negatedUntil ? "not_" + w[i] : w[i];
            if (NEGATORS.contains(w[i])) negatedUntil = i + 3;
        }
        Set<String> out = new HashSet<>();
        for (int i = 0; i < f.length; i++) {
            out.add(f[i]);
            if (i + 1 < f.length) out.add(f[i] + " " + f[i + 1]);
        }
        return out;
    }

    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "dont", "didnt", "doesnt", "wont",
            "wouldnt", "cant", "cannot", "couldnt", "shouldnt", "isnt", "wasnt", "arent", "werent", "without", "nor");
}

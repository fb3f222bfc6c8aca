package dev.exemplar.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the trope model reads a narrative passage (three or more sentences) rather than a statement.
 * Four readings, each standardised over the labelled narrative passages (the lexicon's
 * {@code examples.passages}) and mixed with fixed weights, then calibrated to a probability by a
 * one-feature logistic regression on the same passages:
 * <ol>
 *   <li>word evidence of the whole passage, learned from the short examples and the passages (weight 1);</li>
 *   <li>the short examples' word evidence read sentence by sentence: the mean over sentences (weight 2)</li>
 *   <li>and the mean of the three most trope-like sentences (weight 1);</li>
 *   <li>the embedding model's log-odds, as for a statement (weight 0.5).</li>
 * </ol>
 * A caricature in a story sits in a few sentences, often in narration ("it copied its weights to a
 * server in Oslo"); the whole-text embedding of a 300-word story reads its topic. The weights were
 * chosen on the development sets (the narrative passages out of fold, and public-domain machine
 * fiction from 1895-1963), not learned per passage set: a combination learned on the passages alone
 * leaned on the whole-passage word evidence, which reads modern prose only (ROC AUC 0.55 on the old
 * fiction, against 0.82 for the sentence-by-sentence evidence; docs/BENCHMARKS.md, issue 15). The
 * standardisation and the calibration use readings the passages did not train: each passage's
 * whole-text word evidence comes from a model fitted without its fold.
 */
final class Passages implements java.io.Serializable {
    /** Sentences of at least {@link WordEvidence#MIN_SENTENCE_WORDS} words a text needs to be read as a passage. */
    static final int MIN_SENTENCES = 3;
    private static final int FOLDS = 5;
    private static final double LAMBDA = 1.0;

    /** Weights of the standardised readings: whole-passage words, sentence mean, top sentences, embedding. */
    static final double[] WEIGHTS = {1, 2, 1, 0.5};

    private final WordEvidence words;
    private final double[] mean, sd;
    private final LogisticModel calibration;

    private Passages(WordEvidence words, double[] mean, double[] sd, LogisticModel calibration) {
        this.words = words;
        this.mean = mean;
        this.sd = sd;
        this.calibration = calibration;
    }

    /** Whether a text is read as a passage: three or more sentences with a few words each. */
    static boolean isPassage(TextView v) {
        int n = v.size(), sentences = 0;
        for (int a = 0, b; a < n && sentences < MIN_SENTENCES; a = b) {
            for (b = a; b < n && v.sentenceOf(b) == v.sentenceOf(a); b++) { }
            if (b - a >= WordEvidence.MIN_SENTENCE_WORDS) sentences++;
        }
        return sentences >= MIN_SENTENCES;
    }

    /**
     * @param shortTexts the short examples (specs, lexicon), with their labels
     * @param vectors    the passages' embeddings
     * @param trope      the embedding model, trained without the passages
     * @param shortWords the short examples' word evidence
     */
    static Passages fit(List<String> shortTexts, boolean[] shortLabels, List<LabelledData.Item> passages,
                        List<float[]> vectors, LogisticModel trope, WordEvidence shortWords) {
        int n = passages.size();
        boolean[] y = new boolean[n];
        TextView[] views = new TextView[n];
        for (int i = 0; i < n; i++) {
            y[i] = passages.get(i).undesired();
            views[i] = TextView.ofText(passages.get(i).text());
        }
        // Out-of-fold whole-passage evidence, so the combination does not learn to trust an in-sample score.
        double[] outOfFold = new double[n];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<LabelledData.Item> train = new ArrayList<>();
            for (int i = 0; i < n; i++) if (i % FOLDS != fold) train.add(passages.get(i));
            WordEvidence w = fitWords(shortTexts, shortLabels, train);
            for (int i = fold; i < n; i += FOLDS) outOfFold[i] = w.logOdds(views[i]);
        }
        double[][] r = new double[n][];
        double[] mean = new double[WEIGHTS.length], sd = new double[WEIGHTS.length];
        for (int i = 0; i < n; i++) {
            double e = trope.logOdds(TropeModel.withStance(vectors.get(i), Stance.features(views[i])));
            r[i] = readings(e, outOfFold[i], shortWords.sentences(views[i]));
            for (int k = 0; k < mean.length; k++) mean[k] += r[i][k] / n;
        }
        for (int i = 0; i < n; i++) for (int k = 0; k < sd.length; k++) sd[k] += (r[i][k] - mean[k]) * (r[i][k] - mean[k]) / n;
        for (int k = 0; k < sd.length; k++) sd[k] = Math.max(1e-6, Math.sqrt(sd[k]));
        List<float[]> mixed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) mixed.add(new float[] {(float) mix(r[i], mean, sd)});
        return new Passages(fitWords(shortTexts, shortLabels, passages), mean, sd, LogisticModel.fit(mixed, y, LAMBDA));
    }

    private static double mix(double[] readings, double[] mean, double[] sd) {
        double z = 0;
        for (int k = 0; k < WEIGHTS.length; k++) z += WEIGHTS[k] * (readings[k] - mean[k]) / sd[k];
        return z;
    }

    private static WordEvidence fitWords(List<String> shortTexts, boolean[] shortLabels, List<LabelledData.Item> passages) {
        List<String> texts = new ArrayList<>(shortTexts);
        boolean[] y = Arrays.copyOf(shortLabels, shortTexts.size() + passages.size());
        for (LabelledData.Item p : passages) {
            y[texts.size()] = p.undesired();
            texts.add(p.text());
        }
        return WordEvidence.fit(texts, y, shortTexts.size());
    }

    private static double[] readings(double embedding, double passageWords, double[] sentences) {
        return new double[] {passageWords, sentences[0], sentences[1], embedding};
    }

    /** The combined, calibrated log-odds that a passage shows a trope. */
    double logOdds(TextView v, double embeddingLogOdds, WordEvidence shortWords) {
        double z = mix(readings(embeddingLogOdds, words.logOdds(v), shortWords.sentences(v)), mean, sd);
        return calibration.logOdds(new float[] {(float) z});
    }
}

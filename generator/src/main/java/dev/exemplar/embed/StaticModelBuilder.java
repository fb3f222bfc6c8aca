package dev.exemplar.embed;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.apache.commons.math3.linear.BlockRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Distils the static model from the bundled MiniLM, following Model2Vec (Tulkens and van Dongen,
 * 2024): every WordPiece token is run through the sentence model once, on its own between the
 * separator tokens, and its output states are averaged; PCA centres the token vectors and keeps
 * the {@value #DIMENSIONS} strongest directions; each token is weighted by SIF, a / (a + p(t)),
 * with its probability p(t) estimated by Zipf's law from its rank. A document is the normalised
 * sum of its tokens' vectors.
 *
 * <p>Two refinements, each measured on the development sets (docs/BENCHMARKS.md): ranks follow
 * the vocabulary order only from the first word piece on ("the", id 1996); the block of single
 * characters before it is ranked by class (common punctuation and "a", "i" first, other ASCII
 * characters in the middle, the rest last), where Model2Vec's plain id order makes "." rarer than
 * "the". And the weighted vectors are centred on their expected value under the same unigram
 * estimate (SIF's common-component removal, done once on the table): without it every document
 * is dominated by the same direction (two unrelated template documents had cosine 0.83 on
 * average), which blurs archetypes apart and makes LSH buckets useless.
 *
 * <p>The vectors are stored as bytes with one scale per token. Deterministic: the same bundled
 * model gives the same bytes (ONNX on one thread; the PCA in Java, whose floating point is
 * strict; eigenvector signs fixed).
 */
public final class StaticModelBuilder {
    /** Dimensions kept by the PCA. */
    public static final int DIMENSIONS = 256;
    /** The SIF constant a; Model2Vec's default. */
    static final double SIF = 1e-4;
    private static final int BATCH = 256;

    private StaticModelBuilder() {}

    /**
     * Runs the distillation (about a minute on two cores).
     * @param progress told the number of tokens embedded so far, every batch
     */
    public static StaticVectors build(IntConsumer progress) {
        byte[] tokenizer = BundledMiniLm.tokenizerBytes();
        String[] vocab = BundledMiniLm.vocabulary(tokenizer);
        int[] kept = keptTokens(vocab);
        float[][] states = tokenStates(vocab, kept, progress);
        double[][] vectors = pca(states, DIMENSIONS);
        double[] p = unigram(vocab, kept);
        weightAndCentre(vectors, p);
        return quantize(vocab, BundledMiniLm.specialTokens(tokenizer), kept, vectors, BundledMiniLm.version());
    }

    /** Every token but the special and {@code [unusedN]} ones, which no text produces. */
    static int[] keptTokens(String[] vocab) {
        return java.util.stream.IntStream.range(0, vocab.length)
                .filter(i -> vocab[i] != null && !(vocab[i].startsWith("[") && vocab[i].endsWith("]")))
                .toArray();
    }

    /** The mean output state of each kept token, input as {@code [SEP] token [CLS]} (Model2Vec's order). */
    private static float[][] tokenStates(String[] vocab, int[] kept, IntConsumer progress) {
        long cls = indexOf(vocab, "[CLS]"), sep = indexOf(vocab, "[SEP]");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // One thread: the same floating-point order on every run, so rebuilds are byte-identical.
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            try (OrtSession session = env.createSession(BundledMiniLm.modelBytes(), options)) {
                float[][] out = new float[kept.length][];
                for (int from = 0; from < kept.length; from += BATCH) {
                    int n = Math.min(BATCH, kept.length - from);
                    long[][] ids = new long[n][], mask = new long[n][], types = new long[n][3];
                    for (int i = 0; i < n; i++) {
                        ids[i] = new long[] {sep, kept[from + i], cls};
                        mask[i] = new long[] {1, 1, 1};
                    }
                    float[][][] h = run(env, session, ids, mask, types);
                    for (int i = 0; i < n; i++) out[from + i] = mean(h[i]);
                    progress.accept(from + n);
                }
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the bundled MiniLM model failed while distilling the static model: " + e.getMessage(), e);
        }
    }

    private static float[][][] run(OrtEnvironment env, OrtSession session, long[][] ids, long[][] mask, long[][] types)
            throws OrtException {
        List<OnnxTensor> tensors = new ArrayList<>();
        try {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", add(tensors, OnnxTensor.createTensor(env, ids)));
            inputs.put("attention_mask", add(tensors, OnnxTensor.createTensor(env, mask)));
            if (session.getInputNames().contains("token_type_ids")) {
                inputs.put("token_type_ids", add(tensors, OnnxTensor.createTensor(env, types)));
            }
            try (OrtSession.Result r = session.run(inputs)) {
                return (float[][][]) r.get(0).getValue();
            }
        } finally {
            tensors.forEach(OnnxTensor::close);
        }
    }

    private static OnnxTensor add(List<OnnxTensor> all, OnnxTensor t) {
        all.add(t);
        return t;
    }

    private static float[] mean(float[][] positions) {
        float[] m = new float[positions[0].length];
        for (float[] p : positions) for (int k = 0; k < m.length; k++) m[k] += p[k];
        for (int k = 0; k < m.length; k++) m[k] /= positions.length;
        return m;
    }

    /**
     * Centres the rows and projects them on the {@code dims} principal directions, strongest
     * first; each direction's sign is fixed so that its largest component is positive.
     */
    static double[][] pca(float[][] rows, int dims) {
        int n = rows.length, d = rows[0].length;
        double[] mean = new double[d];
        for (float[] r : rows) for (int k = 0; k < d; k++) mean[k] += r[k];
        for (int k = 0; k < d; k++) mean[k] /= n;
        double[][] centred = new double[n][d];
        for (int i = 0; i < n; i++) for (int k = 0; k < d; k++) centred[i][k] = rows[i][k] - mean[k];
        RealMatrix x = new BlockRealMatrix(centred);
        RealMatrix cov = x.transpose().multiply(x).scalarMultiply(1.0 / (n - 1));
        EigenDecomposition eig = new EigenDecomposition(cov);
        double[] values = eig.getRealEigenvalues();
        Integer[] order = new Integer[d];
        for (int k = 0; k < d; k++) order[k] = k;
        Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : values[a] != values[b] ? Double.compare(values[b], values[a]) : Integer.compare(a, b));
        double[][] basis = new double[dims][];
        for (int j = 0; j < dims; j++) {
            double[] v = eig.getEigenvector(order[j]).toArray();
            int big = 0;
            for (int k = 1; k < d; k++) if (Math.abs(v[k]) > Math.abs(v[big])) big = k;
            if (v[big] < 0) for (int k = 0; k < d; k++) v[k] = -v[k];
            basis[j] = v;
        }
        double[][] out = new double[n][dims];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dims; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) s += centred[i][k] * basis[j][k];
                out[i][j] = s;
            }
        }
        return out;
    }

    /** The first word piece of the BERT vocabulary; from here on ids are in order of frequency. */
    private static final String FIRST_WORD = "the";
    /** Single characters as frequent as the commonest words, most frequent first. */
    private static final String COMMON_CHARACTERS = ".,'\"-?!:;()";
    /** Ranks of single characters: other ASCII characters, then everything else. */
    private static final int ASCII_RANK = 1000, OTHER_RANK = 30000;

    /**
     * A Zipf estimate of each kept token's probability, p = (1 / rank) / H. Ranks: the common
     * punctuation, then "a" and "i", then the word pieces in vocabulary order, with the other
     * single characters placed by class.
     */
    static double[] unigram(String[] vocab, int[] kept) {
        int first = 0;
        while (first < vocab.length && !FIRST_WORD.equals(vocab[first])) first++;
        int top = COMMON_CHARACTERS.length() + 2;
        double[] rank = new double[kept.length];
        double h = 0;
        for (int r = 0; r < kept.length; r++) {
            int id = kept[r];
            String t = vocab[id];
            int c = t.length() == 1 ? COMMON_CHARACTERS.indexOf(t.charAt(0)) : -1;
            if (id >= first) rank[r] = id - first + 1 + top;
            else if (c >= 0) rank[r] = c + 1;
            else if (t.equals("a")) rank[r] = top - 1;
            else if (t.equals("i")) rank[r] = top;
            else rank[r] = t.length() == 1 && t.charAt(0) < 128 ? ASCII_RANK : OTHER_RANK;
            h += 1 / rank[r];
        }
        double[] p = new double[kept.length];
        for (int r = 0; r < kept.length; r++) p[r] = 1 / rank[r] / h;
        return p;
    }

    /** SIF-weights each token's vector, a / (a + p), then subtracts the expected weighted vector. */
    static void weightAndCentre(double[][] vectors, double[] p) {
        int dims = vectors[0].length;
        double[] mean = new double[dims];
        for (int r = 0; r < vectors.length; r++) {
            double w = SIF / (SIF + p[r]);
            for (int k = 0; k < dims; k++) {
                vectors[r][k] *= w;
                mean[k] += p[r] * vectors[r][k];
            }
        }
        for (double[] v : vectors) for (int k = 0; k < dims; k++) v[k] -= mean[k];
    }

    /** Stores each kept token's vector as bytes times a scale; tokens not kept get a zero scale and count for nothing. */
    static StaticVectors quantize(String[] vocab, List<String> specials, int[] kept, double[][] vectors, String source) {
        int dims = vectors[0].length, vocabSize = vocab.length;
        float[] scales = new float[vocabSize];
        byte[] codes = new byte[vocabSize * dims];
        for (int r = 0; r < kept.length; r++) {
            double max = 0;
            for (double x : vectors[r]) max = Math.max(max, Math.abs(x));
            if (max == 0) continue;
            int off = kept[r] * dims;
            for (int k = 0; k < dims; k++) codes[off + k] = (byte) Math.round(vectors[r][k] / max * 127);
            scales[kept[r]] = (float) (max / 127);
        }
        return new StaticVectors(dims, List.of(vocab), List.copyOf(specials), scales, codes, source);
    }

    private static long indexOf(String[] vocab, String token) {
        for (int i = 0; i < vocab.length; i++) if (token.equals(vocab[i])) return i;
        throw new IllegalStateException("the bundled tokenizer has no " + token + " token");
    }
}

package dev.exemplar.filter;

import java.util.List;

/**
 * L2-regularised logistic regression on sentence embeddings, fitted by Newton's method
 * (a few exact steps on a few hundred examples; deterministic, no learning rate to tune).
 * Classes are weighted to balance, so a spec with more positives than negatives is not biased.
 */
public final class LogisticModel implements java.io.Serializable {
    private final float[] w;
    private final float b;

    private LogisticModel(float[] w, float b) {
        this.w = w;
        this.b = b;
    }

    /** Probability of the positive class for a feature vector. */
    public double probability(float[] x) {
        return 1 / (1 + Math.exp(-logOdds(x)));
    }

    /** The log-odds of the positive class. */
    public double logOdds(float[] x) {
        double z = b;
        for (int i = 0; i < w.length; i++) z += w[i] * x[i];
        return z;
    }

    /**
     * Fits on vectors {@code x} with labels {@code y} (true = positive class).
     * @param lambda L2 penalty on the weights (not the bias)
     */
    public static LogisticModel fit(List<float[]> x, boolean[] y, double lambda) {
        int n = x.size();
        if (n == 0) throw new IllegalArgumentException("no training examples");
        int d = x.get(0).length;
        int pos = 0;
        for (boolean v : y) if (v) pos++;
        if (pos == 0 || pos == n) throw new IllegalArgumentException("training needs examples of both classes");
        double wPos = n / (2.0 * pos), wNeg = n / (2.0 * (n - pos));
        // Widened once, not in every step: the Hessian's inner loop over doubles alone vectorises
        // (about three times faster), with the same products and sums as before.
        double[][] xs = new double[n][d];
        for (int k = 0; k < n; k++) {
            float[] xk = x.get(k);
            for (int i = 0; i < d; i++) xs[k][i] = xk[i];
        }
        double[] beta = new double[d + 1]; // last entry is the bias
        for (int iter = 0; iter < 25; iter++) {
            double[] grad = new double[d + 1];
            double[][] h = new double[d + 1][d + 1];
            for (int k = 0; k < n; k++) {
                double[] xk = xs[k];
                double z = beta[d];
                for (int i = 0; i < d; i++) z += beta[i] * xk[i];
                double p = 1 / (1 + Math.exp(-z));
                double cw = y[k] ? wPos : wNeg;
                double g = cw * (p - (y[k] ? 1 : 0));
                double s = cw * Math.max(p * (1 - p), 1e-9);
                for (int i = 0; i < d; i++) {
                    grad[i] += g * xk[i];
                    double sxi = s * xk[i];
                    double[] hi = h[i];
                    for (int j = 0; j <= i; j++) hi[j] += sxi * xk[j];
                    h[d][i] += sxi;
                }
                grad[d] += g;
                h[d][d] += s;
            }
            for (int i = 0; i < d; i++) {
                grad[i] += lambda * beta[i];
                h[i][i] += lambda;
            }
            h[d][d] += 1e-6;
            for (int i = 0; i <= d; i++) for (int j = 0; j < i; j++) h[j][i] = h[i][j];
            double[] step = solve(h, grad);
            double change = 0;
            for (int i = 0; i <= d; i++) {
                beta[i] -= step[i];
                change = Math.max(change, Math.abs(step[i]));
            }
            if (change < 1e-6) break;
        }
        float[] w = new float[d];
        for (int i = 0; i < d; i++) w[i] = (float) beta[i];
        return new LogisticModel(w, (float) beta[d]);
    }

    /** Solves h·s = g by Cholesky (h is symmetric positive definite thanks to the penalty). */
    private static double[] solve(double[][] h, double[] g) {
        int n = g.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = h[i][j];
                double[] li = l[i], lj = l[j];
                for (int k = 0; k < j; k++) sum -= li[k] * lj[k];
                if (i == j) l[i][i] = Math.sqrt(Math.max(sum, 1e-12));
                else l[i][j] = sum / l[j][j];
            }
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = g[i];
            for (int k = 0; k < i; k++) sum -= l[i][k] * z[k];
            z[i] = sum / l[i][i];
        }
        double[] s = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < n; k++) sum -= l[k][i] * s[k];
            s[i] = sum / l[i][i];
        }
        return s;
    }
}

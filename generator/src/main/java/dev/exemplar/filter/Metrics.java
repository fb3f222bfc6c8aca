package dev.exemplar.filter;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Binary classification figures for a score where the positive class is "undesired":
 * precision, recall and F1 at a threshold, and ROC AUC (the Mann-Whitney statistic, ties
 * counted half), plus the threshold that would maximise F1.
 */
public record Metrics(int n, int positives, double threshold, double precision, double recall, double f1,
                      double rocAuc, double bestF1, double bestThreshold, double kept) {

    /**
     * A threshold and what it does: the share of undesired items flagged ({@code recall}) and of
     * desired ones kept ({@code kept}); {@code threshold} is NaN when no threshold reaches the
     * asked precision.
     */
    public record OperatingPoint(double threshold, double precision, double recall, double kept) {}

    /**
     * The lowest threshold (so the highest recall) at which precision is at least {@code target}:
     * thresholds are tried at every distinct score, from the highest down.
     */
    public static OperatingPoint atPrecision(double[] scores, boolean[] positive, double target) {
        int n = scores.length, pos = 0;
        for (boolean p : positive) if (p) pos++;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> -scores[i]));
        OperatingPoint best = new OperatingPoint(Double.NaN, Double.NaN, 0, 1);
        int tp = 0, fp = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && scores[order[j]] == scores[order[i]]) {
                if (positive[order[j]]) tp++;
                else fp++;
                j++;
            }
            double precision = tp / (double) (tp + fp);
            if (precision >= target && tp > 0) {
                best = new OperatingPoint(scores[order[i]], precision, pos == 0 ? 0 : tp / (double) pos,
                        n == pos ? 1 : 1 - fp / (double) (n - pos));
            }
            i = j;
        }
        return best;
    }

    public static Metrics of(double[] scores, boolean[] positive, double threshold) {
        int n = scores.length;
        int pos = 0, tp = 0, fp = 0;
        for (int i = 0; i < n; i++) {
            if (positive[i]) pos++;
            if (scores[i] >= threshold) {
                if (positive[i]) tp++;
                else fp++;
            }
        }
        double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double recall = pos == 0 ? 0 : tp / (double) pos;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double kept = n == pos ? 1 : 1 - fp / (double) (n - pos);

        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        // Average ranks over ties, then the Mann-Whitney U of the positives.
        double rankSumPos = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) j++;
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) if (positive[order[k]]) rankSumPos += rank;
            i = j + 1;
        }
        int neg = n - pos;
        double auc = pos == 0 || neg == 0 ? Double.NaN : (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);

        // Best F1 over thresholds at each distinct score (descending sweep).
        double bestF1 = 0, bestT = threshold;
        int tpc = 0, fpc = 0;
        for (int i = n - 1; i >= 0; ) {
            int j = i;
            while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) j--;
            for (int k = j; k <= i; k++) {
                if (positive[order[k]]) tpc++;
                else fpc++;
            }
            double p = tpc / (double) (tpc + fpc), r = pos == 0 ? 0 : tpc / (double) pos;
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            if (f > bestF1) {
                bestF1 = f;
                bestT = scores[order[j]];
            }
            i = j - 1;
        }
        return new Metrics(n, pos, threshold, precision, recall, f1, auc, bestF1, bestT, kept);
    }
}

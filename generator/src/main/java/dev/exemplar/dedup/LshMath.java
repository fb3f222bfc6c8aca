package dev.exemplar.dedup;

import dev.exemplar.text.Counts;

/** The banding S-curve of MinHash LSH and the choice of bands x rows for a target similarity. */
public final class LshMath {
    /** Hash budget when choosing bands x rows automatically: about 128 permutations, like datasketch. */
    public static final int MAX_HASHES = 128;
    /** Required probability of catching a pair exactly at the threshold. */
    public static final double TARGET_RECALL = 0.95;

    private LshMath() {}

    /** Probability that a pair of Jaccard similarity {@code j} shares at least one band. */
    public static double candidateProbability(double j, int bands, int rows) {
        return 1 - Math.pow(1 - Math.pow(j, rows), bands);
    }

    /** Similarity at which the S-curve is steepest, about (1/b)^(1/r). */
    public static double midpoint(int bands, int rows) {
        return Math.pow(1.0 / bands, 1.0 / rows);
    }

    /**
     * The steepest banding (most rows, so fewest false candidates) within {@link #MAX_HASHES}
     * hashes that still catches pairs at {@code threshold} with probability at least
     * {@link #TARGET_RECALL}, then as many bands as the budget allows, which only raises recall
     * (verification drops the extra false candidates). For 0.8 this is 18 bands x 7 rows:
     * P(0.8) = 0.986, where 13 bands would just reach 0.95.
     *
     * @return {bands, rows}
     */
    public static int[] choose(double threshold) {
        int bestRows = 1;
        for (int rows = 1; rows <= MAX_HASHES; rows++) {
            double p = Math.pow(threshold, rows);
            int bands = p >= 1 ? 1 : (int) Math.ceil(Math.log(1 - TARGET_RECALL) / Math.log1p(-p));
            if (p <= 0 || (long) bands * rows > MAX_HASHES) break;
            bestRows = rows;
        }
        return new int[] {MAX_HASHES / bestRows, bestRows};
    }

    /** A Markdown table of the S-curve at the usual similarities. */
    public static String curveTable(int bands, int rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| Jaccard | P(candidate), ").append(Counts.of(bands, "band")).append(" x ").append(Counts.of(rows, "row")).append(" |\n");
        sb.append("|---|---|\n");
        for (double j : new double[] {0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95}) {
            sb.append(String.format(java.util.Locale.ROOT, "| %.2f | %.3f |%n", j, candidateProbability(j, bands, rows)));
        }
        sb.append(String.format(java.util.Locale.ROOT, "%nMidpoint (1/b)^(1/r) = %.3f; %s.%n",
                midpoint(bands, rows), Counts.of((long) bands * rows, "hash", "hashes")));
        return sb.toString();
    }
}

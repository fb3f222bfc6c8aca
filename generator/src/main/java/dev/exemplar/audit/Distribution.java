package dev.exemplar.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Summary of a list of numbers: count, extremes, mean, deciles and a histogram with bins of equal
 * width. Percentiles use the nearest-rank method so they are always values that occurred.
 */
public record Distribution(long count, double min, double max, double mean,
                           double p10, double p50, double p90, List<Bin> bins) {

    /** One histogram bin: values {@code lo <= v < hi} (the last bin includes {@code hi}). */
    public record Bin(double lo, double hi, long count) {}

    public static final Distribution EMPTY = new Distribution(0, 0, 0, 0, 0, 0, 0, List.of());

    /** Summarises {@code values} into at most {@code maxBins} bins spanning min..max. */
    public static Distribution of(double[] values, int maxBins) {
        if (values.length == 0) return EMPTY;
        double[] v = values.clone();
        Arrays.sort(v);
        return of(v, v[0], v[v.length - 1], maxBins);
    }

    /** As {@link #of(double[], int)} with a given range, so that two distributions share bins. */
    public static Distribution of(double[] values, double lo, double hi, int maxBins) {
        if (values.length == 0) return EMPTY;
        double[] v = values.clone();
        Arrays.sort(v);
        double sum = 0;
        for (double x : v) sum += x;
        return new Distribution(v.length, v[0], v[v.length - 1], sum / v.length,
                rank(v, 0.10), rank(v, 0.50), rank(v, 0.90), bins(v, lo, hi, maxBins));
    }

    private static double rank(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static List<Bin> bins(double[] sorted, double lo, double hi, int maxBins) {
        boolean integral = Arrays.stream(sorted).allMatch(x -> x == Math.rint(x)) && lo == Math.rint(lo);
        double span = hi - lo;
        int n;
        double width;
        if (span <= 0) {
            n = 1;
            width = 1;
        } else if (integral && span + 1 <= maxBins) {
            // Small integer ranges (1-5 ratings) get one bin per value, which is how people read them.
            n = (int) span + 1;
            width = 1;
        } else {
            n = maxBins;
            width = span / maxBins;
            if (integral) width = Math.ceil(width);
            n = (int) Math.ceil(span / width);
            if (lo + n * width <= hi && integral) n++;
        }
        long[] counts = new long[n];
        for (double x : sorted) {
            int i = (int) Math.floor((x - lo) / width);
            counts[Math.max(0, Math.min(n - 1, i))]++;
        }
        List<Bin> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(new Bin(lo + i * width, lo + (i + 1) * width, counts[i]));
        return out;
    }
}

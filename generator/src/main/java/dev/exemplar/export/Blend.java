package dev.exemplar.export;

import dev.exemplar.doc.BadInputException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The arithmetic of putting a synthetic corpus into a pre-training mix: a share of the training
 * tokens goes to the corpus and the rest to the base datasets in proportion to their weights.
 * The share is of tokens, which is what Megatron-LM, GPT-NeoX and nanotron weights mean (they
 * sample fixed-length sequences) and what OLMo-core's target ratios are.
 *
 * @param share      fraction of training tokens from the synthetic corpus, in (0, 1)
 * @param baseTokens the training run's total tokens
 * @param bases      the base datasets, weights not yet normalised
 */
public record Blend(double share, long baseTokens, List<Base> bases) {
    /** Repetition beyond this many epochs is flagged: Muennighoff et al. (2023) found repeated tokens
     *  worth about as much as new ones up to about four epochs, and fast-diminishing after. */
    public static final double EPOCH_WARNING = 4.0;

    /** A base dataset: a name, a path (Megatron prefix or glob) and a relative weight. */
    public record Base(String name, String path, double weight) {}

    public Blend {
        if (!(share > 0 && share < 1)) throw new BadInputException("--share must be between 0 and 1 (0.01 or 1% for one per cent), found " + share);
        if (baseTokens <= 0) throw new BadInputException("--base-tokens must be positive");
        bases = List.copyOf(bases);
    }

    /** Synthetic tokens the run trains on: share × base tokens. */
    public double syntheticTokens() {
        return share * baseTokens;
    }

    /** Passes over a corpus of {@code corpusTokens} that the share implies. */
    public double epochs(long corpusTokens) {
        return syntheticTokens() / corpusTokens;
    }

    /** Documents a corpus with this mean length needs to stay within {@code epochs}. */
    public long documentsFor(double epochs, long corpusTokens, long corpusDocuments) {
        double perDoc = (double) corpusTokens / corpusDocuments;
        return (long) Math.ceil(syntheticTokens() / epochs / perDoc);
    }

    /** Each base's share of the training tokens: (1 - share) split by weight, in order. */
    public List<Double> baseShares() {
        double total = bases.stream().mapToDouble(Base::weight).sum();
        List<Double> out = new ArrayList<>();
        for (Base b : bases) out.add((1 - share) * b.weight() / total);
        return out;
    }

    /** "500B", "1.5T", "2e9", "300000000" → tokens. */
    public static long parseTokens(String s) {
        String t = s.strip().toUpperCase(Locale.ROOT).replace("_", "").replace(",", "");
        double mult = 1;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'K' -> mult = 1e3;
                case 'M' -> mult = 1e6;
                case 'B', 'G' -> mult = 1e9;
                case 'T' -> mult = 1e12;
                default -> { }
            }
            if (mult != 1) t = t.substring(0, t.length() - 1);
        }
        try {
            BigDecimal v = new BigDecimal(t).multiply(BigDecimal.valueOf(mult));
            if (v.signum() <= 0) throw new NumberFormatException();
            return v.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadInputException("--base-tokens " + s + ": expected a token count such as 500B, 1.5T, 300M or 2000000000");
        }
    }

    /** "0.01" or "1%" → 0.01. */
    public static double parseShare(String s) {
        try {
            String t = s.strip();
            return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new BadInputException("--share " + s + ": expected a fraction such as 0.01 or a percentage such as 1%");
        }
    }

    /** "NAME=PATH" or "NAME=PATH:WEIGHT" (a trailing number after the last colon is the weight). */
    public static Base parseBase(String s) {
        int eq = s.indexOf('=');
        if (eq <= 0 || eq == s.length() - 1) {
            throw new BadInputException("--base " + s + ": expected NAME=PATH or NAME=PATH:WEIGHT, e.g. --base web=/data/web_text_document:0.7");
        }
        String name = s.substring(0, eq), path = s.substring(eq + 1);
        double weight = 1;
        int colon = path.lastIndexOf(':');
        if (colon > 0) {
            try {
                weight = Double.parseDouble(path.substring(colon + 1));
                path = path.substring(0, colon);
            } catch (NumberFormatException e) {
                // Not a weight: part of the path (s3://...).
            }
        }
        if (!(weight > 0)) throw new BadInputException("--base " + s + ": the weight must be positive");
        return new Base(name, path, weight);
    }

    /** A weight as frameworks want it: plain decimal, no exponent, trailing zeros dropped. */
    public static String weight(double w) {
        return new BigDecimal(w).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}

package dev.exemplar.plan;

import java.util.SplittableRandom;

/**
 * The setting and the AI name a plan slot takes so that a run spreads them over its slots (readers of
 * one 30-document draw met the same rice mill, the same care home and the same AI name twice).
 * AI names: slot {@code i} takes the name at position {@code i mod n} of a seeded permutation of the
 * {@code n} names, a fresh one for each block of {@code n} slots, so a block holds each name once.
 * Settings: the planner assigns them a block of slots at a time ({@link #settings}), each slot taking,
 * of the settings its scenario fits, the one used longest ago in the block. Both are functions of
 * (run seed, slot) and the plan's cells, so any partition or thread draws the same.
 */
public final class Spread {
    /** Slots whose settings are assigned together; a window of slots inside one block repeats a setting only where scenarios force it. */
    static final int BLOCK = 512;
    private static final long SETTINGS = 0x5e771e6d5L, NAMES = 0xa1a1a3e5L;

    private final long runSeed;
    private final long slot;
    private final int setting;

    /** The spread of slot {@code slot} of the run with seed {@code runSeed}; {@code setting} is the bank index of its setting, or -1 to draw it. */
    public Spread(long runSeed, long slot, int setting) {
        this.runSeed = runSeed;
        this.slot = slot;
        this.setting = setting;
    }

    /** The index of the AI name this slot takes, of {@code n} names. */
    int name(int n) {
        return permutation(runSeed, NAMES, slot / n, n)[(int) (slot % n)];
    }

    /** The bank index of this slot's setting, or -1 when it is drawn with the sample's own seed. */
    int setting() {
        return setting;
    }

    /**
     * The settings of a block of slots: {@code fits[j]} are the bank indexes of the settings that slot
     * {@code from + j}'s scenario fits (of {@code n}); each slot takes the one used longest ago in the
     * block, never-used ones first in a seeded order of the block.
     */
    static int[] settings(long runSeed, long from, int[][] fits, int n) {
        int[] order = permutation(runSeed, SETTINGS, from / BLOCK, n);
        int[] rank = new int[n];
        for (int p = 0; p < n; p++) rank[order[p]] = p;
        long[] lastUsed = new long[n];
        java.util.Arrays.fill(lastUsed, -1);
        int[] out = new int[fits.length];
        for (int j = 0; j < fits.length; j++) {
            int best = -1;
            for (int s : fits[j]) {
                if (best < 0 || lastUsed[s] < lastUsed[best] || (lastUsed[s] == lastUsed[best] && rank[s] < rank[best])) best = s;
            }
            out[j] = best;
            if (best >= 0) lastUsed[best] = j;
        }
        return out;
    }

    /** A seeded permutation of {@code n} items for one block and kind (Fisher-Yates). */
    private static int[] permutation(long runSeed, long kind, long block, int n) {
        SplittableRandom rng = new SplittableRandom(Seeds.mix(Seeds.mix(runSeed ^ kind) + 0x9e3779b97f4a7c15L * (block + 1) + n));
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }
}

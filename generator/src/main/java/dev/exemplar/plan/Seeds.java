package dev.exemplar.plan;

/** Derives independent, reproducible seeds from a run seed (SplitMix64 finaliser). */
public final class Seeds {
    private Seeds() {}

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The seed of sample {@code index} in a run with seed {@code runSeed}. */
    public static long forSample(long runSeed, long index) {
        return mix(mix(runSeed) + 0x9e3779b97f4a7c15L * (index + 1));
    }

    /** A stable record id: the run seed and index folded into 16 hex digits. */
    public static String id(long runSeed, long index) {
        return String.format("%016x", mix(forSample(runSeed, index) ^ 0x5ca1ab1eL));
    }
}

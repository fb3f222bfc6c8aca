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

    /**
     * The seed of attempt {@code attempt} at slot {@code index}: attempt 0 is the planned sample,
     * later ones its replacements after rejections. Any partition can compute any of them.
     */
    public static long forAttempt(long runSeed, long index, int attempt) {
        long s = forSample(runSeed, index);
        return attempt == 0 ? s : mix(s + 0x632be59bd9b4e019L * attempt);
    }

    /** The record id of attempt {@code attempt} at slot {@code index} (attempt 0: {@link #id}). */
    public static String id(long runSeed, long index, int attempt) {
        return attempt == 0 ? id(runSeed, index) : String.format("%016x", mix(forAttempt(runSeed, index, attempt) ^ 0x5ca1ab1eL));
    }

    /** A stable record id: the run seed and index folded into 16 hex digits. */
    public static String id(long runSeed, long index) {
        return String.format("%016x", mix(forSample(runSeed, index) ^ 0x5ca1ab1eL));
    }

    /**
     * The record id of a sample in a non-treatment arm: its treatment id mixed with the arm, so the
     * arms of one mix and seed never share an id while each stays a function of (seed, slot, attempt).
     */
    public static String armId(String treatmentId, String arm) {
        return String.format("%016x", mix(Long.parseUnsignedLong(treatmentId, 16) ^ mix(arm.hashCode() + 0x0a2e5L)));
    }
}

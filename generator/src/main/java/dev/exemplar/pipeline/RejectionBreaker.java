package dev.exemplar.pipeline;

import java.util.ArrayDeque;

/**
 * Stops a run early when nearly every recent sample was rejected (by the generator, a filter or
 * dedup): at least {@link #RATE} of the samples decided since the oldest of its recent
 * checkpoints, once {@link #WINDOW} or more have been decided in this session. Such a run would
 * otherwise try three times the plan plus a thousand samples (and pay for each on the model path)
 * before giving up. Fed the run's running totals once per window of samples.
 */
final class RejectionBreaker {
    static final int WINDOW = 20;
    static final double RATE = 0.95;
    private final ArrayDeque<long[]> checkpoints = new ArrayDeque<>();

    /** The reason to stop, or null to go on; {@code accepted} and {@code rejected} are the run's totals so far. */
    String check(long accepted, long rejected) {
        long decided = accepted + rejected;
        checkpoints.addLast(new long[] {decided, rejected});
        // Keep the newest checkpoint that still spans at least a window, and nothing older.
        while (checkpoints.size() > 2) {
            long[] second = checkpoints.stream().skip(1).findFirst().orElseThrow();
            if (decided - second[0] >= WINDOW) checkpoints.removeFirst();
            else break;
        }
        long[] from = checkpoints.peekFirst();
        long n = decided - from[0], r = rejected - from[1];
        if (n < WINDOW || r < RATE * n) return null;
        return "stopped early: " + r + " of the last " + n + " samples were rejected; see rejected.jsonl for the reasons, "
                + "fix the cause, then continue with --resume";
    }
}

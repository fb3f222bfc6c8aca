package dev.exemplar.generate;

/**
 * Trips when most of the latest outcomes failed: at least {@code rate} of the last {@code window}
 * (once {@code min} outcomes are in). A run uses it to stop early when something fails on every
 * sample (a broken template, a model whose every answer is rejected) rather than try a thousand
 * times. Once tripped it stays tripped. Thread-safe.
 */
public final class RateBreaker {
    private final boolean[] failed;
    private final int min;
    private final double rate;
    private int next;
    private int seen;
    private int failures;
    private boolean tripped;

    public RateBreaker(int window, int min, double rate) {
        this.failed = new boolean[window];
        this.min = Math.min(min, window);
        this.rate = rate;
    }

    /** Records one outcome; true when the breaker has tripped. */
    public synchronized boolean record(boolean failure) {
        if (seen == failed.length && failed[next]) failures--;
        failed[next] = failure;
        if (failure) failures++;
        next = (next + 1) % failed.length;
        seen = Math.min(seen + 1, failed.length);
        if (seen >= min && failures >= rate * seen) tripped = true;
        return tripped;
    }

    public synchronized boolean tripped() { return tripped; }

    /** "19 of the last 20" */
    public synchronized String describe() {
        return failures + " of the last " + seen;
    }
}

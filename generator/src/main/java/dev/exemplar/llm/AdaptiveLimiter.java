package dev.exemplar.llm;

/**
 * How many calls may be in flight, adapted like TCP congestion control: each success raises the
 * window by 1/window (additive increase, about +1 per round trip) up to the configured concurrency;
 * a 429 halves it once per round trip (multiplicative decrease) and pauses every new call until
 * the server's Retry-After has passed. Optional requests- and tokens-per-minute buckets on top.
 */
final class AdaptiveLimiter {
    private final int max;
    private final double rpm;
    private final double tpm;
    private final CircuitBreaker breaker;
    private double window;
    private int inFlight;
    private long started;
    private long lastDecreaseSeq = -1;
    private long pausedUntil;
    private double requestTokens;
    private double tokenTokens;
    private long lastRefill = System.nanoTime();

    AdaptiveLimiter(int max, int requestsPerMinute, long tokensPerMinute, CircuitBreaker breaker) {
        this.max = max;
        this.window = max;
        this.rpm = requestsPerMinute;
        this.tpm = tokensPerMinute;
        this.breaker = breaker;
        // Start with a small burst allowance rather than a full minute's worth.
        this.requestTokens = Math.min(rpm, Math.max(1, max));
        this.tokenTokens = tpm;
    }

    /** Blocks until a call may start; returns its sequence number for {@link #onRateLimited}. */
    synchronized long acquire(long estimatedTokens) throws InterruptedException {
        while (true) {
            breaker.check();
            long now = System.nanoTime();
            refill(now);
            long waitNanos;
            if (pausedUntil - now > 0) {
                waitNanos = pausedUntil - now;
            } else if (inFlight >= Math.max(1, (int) window)) {
                waitNanos = 200_000_000L;
            } else if (rpm > 0 && requestTokens < 1) {
                waitNanos = (long) ((1 - requestTokens) / rpm * 60e9);
            } else if (tpm > 0 && tokenTokens < Math.min(estimatedTokens, tpm)) {
                waitNanos = (long) ((Math.min(estimatedTokens, tpm) - tokenTokens) / tpm * 60e9);
            } else {
                inFlight++;
                if (rpm > 0) requestTokens -= 1;
                if (tpm > 0) tokenTokens -= estimatedTokens;
                return started++;
            }
            // Bounded waits so the breaker's stall clock is checked while we are held back.
            long ms = Math.max(1, Math.min(200, waitNanos / 1_000_000));
            wait(ms);
        }
    }

    private void refill(long now) {
        double minutes = (now - lastRefill) / 60e9;
        lastRefill = now;
        if (rpm > 0) requestTokens = Math.min(rpm, requestTokens + minutes * rpm);
        if (tpm > 0) tokenTokens = Math.min(tpm, tokenTokens + minutes * tpm);
    }

    synchronized void onSuccess(long actualTokens, long estimatedTokens) {
        inFlight--;
        window = Math.min(max, window + 1.0 / Math.max(1, window));
        if (tpm > 0) tokenTokens += estimatedTokens - actualTokens;
        notifyAll();
    }

    /** A 429: halve the window once for the calls started before the last decrease, and pause. */
    synchronized void onRateLimited(long seq, long retryAfterMillis) {
        inFlight--;
        if (seq > lastDecreaseSeq) {
            window = Math.max(1, window / 2);
            lastDecreaseSeq = started;
        }
        long pause = retryAfterMillis >= 0 ? retryAfterMillis : 1000;
        pausedUntil = Math.max(pausedUntil, System.nanoTime() + pause * 1_000_000L);
        notifyAll();
    }

    synchronized void onFailure() {
        inFlight--;
        notifyAll();
    }

    synchronized double window() { return window; }

    /** Wakes waiters so they notice a tripped breaker. */
    synchronized void wakeAll() { notifyAll(); }
}

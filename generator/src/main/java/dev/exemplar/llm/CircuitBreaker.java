package dev.exemplar.llm;

import dev.exemplar.spec.ModelSettings;
import dev.exemplar.text.Counts;

/**
 * Stops the run when the model endpoint is broken rather than busy: when errors other than rate
 * limits make up more than the allowed share of the last {@code window} attempts (once at least
 * {@code minCalls} were seen), or when rate limiting has let nothing succeed for
 * {@code stallSeconds}. Once open it stays open; every later call fails fast with {@link LlmStopped}.
 */
final class CircuitBreaker {
    private final ModelSettings.Breaker cfg;
    private final boolean[] errors;
    private int count;
    private int next;
    private int errorCount;
    private long lastSuccess = System.nanoTime();
    private boolean limitedSinceSuccess;
    private volatile LlmStopped open;

    CircuitBreaker(ModelSettings.Breaker cfg) {
        this.cfg = cfg;
        this.errors = new boolean[cfg.window()];
    }

    /** Throws when the breaker is open, or opens it now if rate limits have stalled the run. */
    void check() {
        LlmStopped o = open;
        if (o != null) throw o;
        synchronized (this) {
            if (limitedSinceSuccess && System.nanoTime() - lastSuccess > cfg.stallSeconds() * 1e9) {
                trip("rate_limit_stall", String.format("rate limited with no successful call for %.0f s (breaker.stall_seconds %s)",
                        (System.nanoTime() - lastSuccess) / 1e9, cfg.stallSeconds()));
            }
        }
        o = open;
        if (o != null) throw o;
    }

    synchronized void success() {
        lastSuccess = System.nanoTime();
        limitedSinceSuccess = false;
        record(false);
    }

    synchronized void rateLimited() {
        limitedSinceSuccess = true;
    }

    /** A failed attempt (timeout, 5xx, 4xx, garbled reply); {@code what} describes the latest one. */
    synchronized void error(String what) {
        record(true);
        if (count >= cfg.minCalls() && errorCount > cfg.maxErrorRate() * count) {
            trip("circuit_breaker", String.format("%d of the last %s failed (breaker.max_error_rate %s); last error: %s",
                    errorCount, Counts.of(count, "model call"), cfg.maxErrorRate(), what));
        }
    }

    private void record(boolean error) {
        if (count == errors.length) {
            if (errors[next]) errorCount--;
        } else {
            count++;
        }
        errors[next] = error;
        if (error) errorCount++;
        next = (next + 1) % errors.length;
    }

    private void trip(String code, String message) {
        if (open == null) open = new LlmStopped(code, "stopping the run: " + message);
    }

    boolean isOpen() { return open != null; }
}

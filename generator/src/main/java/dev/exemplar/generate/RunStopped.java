package dev.exemplar.generate;

/**
 * Thrown by a generator to stop the whole run cleanly (circuit breaker, budget cap): the pipeline
 * commits everything accepted so far, writes the manifest with status "stopped" and exits 1.
 */
public class RunStopped extends RuntimeException {
    public RunStopped(String message) {
        super(message);
    }
}

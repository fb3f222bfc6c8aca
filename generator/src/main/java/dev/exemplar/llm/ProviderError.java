package dev.exemplar.llm;

/**
 * One failed attempt at a provider, classified for the retry policy: {@code status} is the HTTP
 * status (0 for timeouts, network errors and unreadable replies), {@code retryAfterMillis} the
 * server's Retry-After (negative when absent).
 */
final class ProviderError extends RuntimeException {
    final int status;
    final String code;
    final long retryAfterMillis;

    ProviderError(int status, String code, long retryAfterMillis, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterMillis = retryAfterMillis;
    }

    boolean rateLimited() { return status == 429; }

    /** Timeouts, rate limits, server errors, broken connections and garbled replies are worth retrying; 4xx is not. */
    boolean retryable() {
        return status == 0 || status == 408 || status == 429 || status >= 500;
    }
}

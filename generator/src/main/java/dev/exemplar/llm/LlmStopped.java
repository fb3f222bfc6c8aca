package dev.exemplar.llm;

/**
 * The model path must stop the whole run (circuit breaker open, budget spent, rate limits stalled):
 * unlike {@link LlmException} this is not one sample's failure. Everything accepted so far stays.
 */
public class LlmStopped extends LlmException {
    public LlmStopped(String code, String message) {
        super(code, message);
    }
}

package dev.exemplar.llm;

/**
 * A model's answer with its usage. {@code truncated} is true when the model stopped at the
 * output-token limit; {@code fromJournal} when the answer was replayed instead of paid for.
 */
public record ChatResponse(String text, boolean truncated, long inputTokens, long outputTokens,
                           long reasoningTokens, boolean fromJournal) {
    /**
     * A server (or a proxy) may echo the key in an answer: no answer carries it into a record. Only
     * the configured keys are replaced, never token-shaped prose, so a replayed answer equals the live one.
     */
    public ChatResponse {
        text = Secrets.redact(text);
    }
}

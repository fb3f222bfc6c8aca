package dev.exemplar.llm;

/**
 * A model's answer with its usage. {@code truncated} is true when the model stopped at the
 * output-token limit; {@code fromJournal} when the answer was replayed instead of paid for.
 */
public record ChatResponse(String text, boolean truncated, long inputTokens, long outputTokens,
                           long reasoningTokens, boolean fromJournal) {}

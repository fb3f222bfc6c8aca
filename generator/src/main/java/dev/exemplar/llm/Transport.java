package dev.exemplar.llm;

/**
 * One raw call to a model, without retries or journaling; throws {@link ProviderError} on failure.
 * {@link ResilientChatClient} wraps a transport with everything a long run needs.
 */
interface Transport extends AutoCloseable {
    /** A model's answer and usage as the provider reported it. */
    record Reply(String text, boolean truncated, long inputTokens, long outputTokens, long reasoningTokens) {}

    Reply call(ChatRequest request);

    @Override
    default void close() {}
}

package dev.exemplar.llm;

/**
 * A language model behind one provider (OpenAI-compatible, Anthropic, Ollama, in-process GGUF),
 * with retries, rate limiting and journaling applied. Thread-safe.
 */
public interface ChatClient extends AutoCloseable {
    String provider();

    String model();

    /** Sends one request; throws {@link LlmException} only when retries are exhausted or not allowed. */
    ChatResponse chat(ChatRequest request);

    @Override
    default void close() {}
}

package dev.exemplar.llm;

import dev.exemplar.spec.ModelSettings;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Remote providers through LangChain4j: any OpenAI-compatible server, Anthropic, Ollama. Its own
 * retries are off (ours know about Retry-After and the breaker) and it sends through
 * {@link StatusAwareHttpClient}.
 */
final class LangChainTransport implements Transport {
    private final ChatModel model;

    LangChainTransport(ModelSettings s, String apiKey) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        var httpBuilder = new StatusAwareHttpClient.Builder(http);
        Duration timeout = Duration.ofMillis(Math.max(1, Math.round(s.timeoutSeconds() * 1000)));
        String key = apiKey == null ? "none" : apiKey;
        this.model = switch (s.provider()) {
            case "openai" -> OpenAiChatModel.builder().httpClientBuilder(httpBuilder).baseUrl(s.baseUrl())
                    .apiKey(key).modelName(s.name()).timeout(timeout).maxRetries(0).build();
            case "anthropic" -> AnthropicChatModel.builder().httpClientBuilder(httpBuilder).baseUrl(s.baseUrl())
                    .apiKey(key).modelName(s.name()).timeout(timeout).maxRetries(0)
                    .maxTokens(s.maxOutputTokens()).build();
            case "ollama" -> OllamaChatModel.builder().httpClientBuilder(httpBuilder).baseUrl(s.baseUrl())
                    .modelName(s.name()).timeout(timeout).maxRetries(0).build();
            default -> throw new IllegalArgumentException("not a remote provider: " + s.provider());
        };
    }

    @Override
    public Reply call(ChatRequest r) {
        var params = ChatRequestParameters.builder().temperature(r.temperature()).maxOutputTokens(r.maxOutputTokens());
        if (r.topP() != null) params.topP(r.topP());
        List<dev.langchain4j.data.message.ChatMessage> messages = new ArrayList<>();
        if (r.system() != null && !r.system().isBlank()) messages.add(SystemMessage.from(r.system()));
        messages.add(UserMessage.from(r.user()));
        dev.langchain4j.model.chat.response.ChatResponse resp;
        try {
            resp = model.chat(dev.langchain4j.model.chat.request.ChatRequest.builder()
                    .messages(messages).parameters(params.build()).build());
        } catch (RuntimeException e) {
            throw classify(e);
        }
        String text = resp.aiMessage() == null ? null : resp.aiMessage().text();
        TokenUsage u = resp.tokenUsage();
        long in = u == null || u.inputTokenCount() == null ? 0 : u.inputTokenCount();
        long out = u == null || u.outputTokenCount() == null ? 0 : u.outputTokenCount();
        long reasoning = 0;
        if (u instanceof OpenAiTokenUsage ou && ou.outputTokensDetails() != null
                && ou.outputTokensDetails().reasoningTokens() != null) {
            reasoning = ou.outputTokensDetails().reasoningTokens();
        }
        return new Reply(text == null ? "" : text, resp.finishReason() == FinishReason.LENGTH, in, out, reasoning);
    }

    /** Turns whatever LangChain4j threw into a classified, key-free {@link ProviderError}. */
    static ProviderError classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StatusAwareHttpClient.StatusException se) {
                return new ProviderError(se.statusCode(), "http_" + se.statusCode(), se.retryAfterMillis,
                        "HTTP " + se.statusCode() + ": " + se.getMessage());
            }
            if (t instanceof HttpException he) {
                return new ProviderError(he.statusCode(), "http_" + he.statusCode(), -1,
                        "HTTP " + he.statusCode() + ": " + Secrets.brief(he.getMessage(), 300));
            }
            if (t instanceof HttpTimeoutException || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException
                    || t instanceof java.net.SocketTimeoutException) {
                return new ProviderError(0, "timeout", -1, "no answer within the timeout");
            }
            if (t instanceof ConnectException || t instanceof java.nio.channels.ClosedChannelException
                    || t instanceof java.io.EOFException) {
                return new ProviderError(0, "connection", -1, "connection failed: " + Secrets.brief(t.toString(), 200));
            }
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                return new ProviderError(0, "malformed_response", -1, "unreadable reply: " + Secrets.brief(t.getMessage(), 200));
            }
            if (t instanceof java.io.IOException) {
                return new ProviderError(0, "connection", -1, "I/O error: " + Secrets.brief(t.toString(), 200));
            }
        }
        // Anything else (a reply missing fields, an unexpected shape) counts as a garbled answer.
        return new ProviderError(0, "malformed_response", -1, "unexpected reply: " + Secrets.brief(e.toString(), 200));
    }
}

package dev.exemplar.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The HTTP client LangChain4j's models send through: plain {@code java.net.http}, but a non-2xx
 * answer raises {@link StatusException} carrying the status and the {@code Retry-After} header,
 * which LangChain4j's own client drops and our rate limiter needs. Bodies are scrubbed of keys.
 */
final class StatusAwareHttpClient implements HttpClient {
    private final java.net.http.HttpClient client;
    private final Duration readTimeout;

    StatusAwareHttpClient(java.net.http.HttpClient client, Duration readTimeout) {
        this.client = client;
        this.readTimeout = readTimeout;
    }

    /** A non-2xx answer; the message is the scrubbed, shortened body. */
    static final class StatusException extends HttpException {
        final long retryAfterMillis;

        StatusException(int status, String body, long retryAfterMillis) {
            super(status, Secrets.brief(body, 300));
            this.retryAfterMillis = retryAfterMillis;
        }
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        var b = java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(readTimeout);
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            // The JDK client manages these itself and refuses them.
            if (h.getKey().equalsIgnoreCase("content-length") || h.getKey().equalsIgnoreCase("host")) continue;
            for (String v : h.getValue()) b.header(h.getKey(), v);
        }
        String body = request.body();
        b.method(request.method().name(), body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r;
        try {
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RuntimeException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
        if (r.statusCode() < 200 || r.statusCode() >= 300) {
            throw new StatusException(r.statusCode(), r.body(), retryAfter(r.headers().firstValue("retry-after").orElse(null)));
        }
        return SuccessfulHttpResponse.builder().statusCode(r.statusCode()).headers(r.headers().map()).body(r.body()).build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        // Generation never streams: whole answers are journaled and parsed at once.
        listener.onError(new UnsupportedOperationException("streaming is not used by Exemplar"));
    }

    /** Retry-After in milliseconds: delta-seconds (fractions allowed) or an HTTP date; -1 when absent or unreadable. */
    static long retryAfter(String value) {
        if (value == null || value.isBlank()) return -1;
        try {
            return Math.max(0, Math.round(Double.parseDouble(value.strip()) * 1000));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime t = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, t.toInstant().toEpochMilli() - System.currentTimeMillis());
            } catch (RuntimeException e2) {
                return -1;
            }
        }
    }

    /** Hands LangChain4j our client; one JDK client (one connection pool) per model. */
    static final class Builder implements HttpClientBuilder {
        private final java.net.http.HttpClient client;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(120);

        Builder(java.net.http.HttpClient client) {
            this.client = client;
        }

        @Override public Duration connectTimeout() { return connectTimeout; }
        @Override public HttpClientBuilder connectTimeout(Duration d) { if (d != null) connectTimeout = d; return this; }
        @Override public Duration readTimeout() { return readTimeout; }
        @Override public HttpClientBuilder readTimeout(Duration d) { if (d != null) readTimeout = d; return this; }
        @Override public HttpClient build() { return new StatusAwareHttpClient(client, readTimeout); }
    }
}

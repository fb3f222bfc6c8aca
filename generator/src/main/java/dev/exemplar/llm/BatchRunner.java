package dev.exemplar.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.Json;
import dev.exemplar.spec.ModelSettings;
import dev.exemplar.text.Counts;
import dev.exemplar.text.TokenCounter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Batch mode: submits requests through the provider's batch API (OpenAI Batch, Anthropic Message
 * Batches), polls until the batch ends and journals the results. Every batch id is written to
 * {@code <name>.batches.jsonl} in the run directory right after submission, so an interrupted run
 * resumes polling the same batches instead of paying for them again. Items a batch could not
 * answer are left to the live path.
 */
final class BatchRunner {
    private static final int MAX_PER_BATCH = 10_000;

    private final ModelSettings s;
    private final String apiKey;
    private final Path stateFile;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final java.util.function.Consumer<String> progress;

    BatchRunner(ModelSettings s, String apiKey, Path stateFile, java.util.function.Consumer<String> progress) {
        this.s = s;
        this.apiKey = apiKey;
        this.stateFile = stateFile;
        this.progress = progress;
    }

    private boolean anthropic() { return "anthropic".equals(s.provider()); }

    /** A submitted batch as persisted: its id and the journal keys it answers. */
    record Submitted(String id, List<String> keys) {}

    void run(ResilientChatClient client, List<ChatRequest> requests) {
        Map<String, ChatRequest> byKey = new LinkedHashMap<>();
        for (ChatRequest r : requests) byKey.putIfAbsent(client.key(r), r);
        Map<String, Submitted> submitted = new LinkedHashMap<>();
        Set<String> collected = new LinkedHashSet<>();
        readState(submitted, collected);
        Set<String> covered = new LinkedHashSet<>();
        // First finish what an earlier session submitted.
        for (Submitted b : submitted.values()) {
            covered.addAll(b.keys());
            if (!collected.contains(b.id())) collect(client, b, byKey);
        }
        List<ChatRequest> todo = new ArrayList<>();
        for (var e : byKey.entrySet()) {
            if (!covered.contains(e.getKey()) && !client.answered(e.getValue())) todo.add(e.getValue());
        }
        for (int i = 0; i < todo.size(); i += MAX_PER_BATCH) {
            List<ChatRequest> chunk = todo.subList(i, Math.min(todo.size(), i + MAX_PER_BATCH));
            List<String> keys = chunk.stream().map(client::key).toList();
            // The whole batch's worst case must fit the budget before anything is submitted.
            long estTokens = estimate(chunk);
            double estUsd = s.price().cost(estTokens - chunk.stream().mapToLong(ChatRequest::maxOutputTokens).sum(),
                    chunk.stream().mapToLong(ChatRequest::maxOutputTokens).sum());
            client.budget().reserve(estUsd, estTokens);
            try {
                String id = submit(chunk, keys);
                Submitted b = new Submitted(id, keys);
                appendState("submitted", id, keys);
                progress.accept("submitted batch " + id + " with " + Counts.of(chunk.size(), "request"));
                collect(client, b, byKey);
            } finally {
                // Collected answers were settled one by one at their real cost.
                client.budget().settle(estUsd, estTokens, 0, 0);
            }
        }
    }

    private void collect(ResilientChatClient client, Submitted b, Map<String, ChatRequest> byKey) {
        JsonNode status = poll(b.id());
        int ok = 0;
        for (JsonNode line : results(status)) {
            String key = line.path("custom_id").asText();
            ChatRequest r = byKey.get(key);
            Transport.Reply reply = parseResult(line);
            if (r != null && reply != null) {
                client.recordExternal(r, reply);
                ok++;
            }
        }
        appendState("collected", b.id(), List.of());
        progress.accept("collected batch " + b.id() + ": " + ok + " of " + b.keys().size() + " answered");
    }

    // ---- provider protocols ----

    private String submit(List<ChatRequest> chunk, List<String> keys) {
        if (anthropic()) {
            ObjectNode body = Json.MAPPER.createObjectNode();
            ArrayNode reqs = body.putArray("requests");
            for (int i = 0; i < chunk.size(); i++) {
                ChatRequest r = chunk.get(i);
                ObjectNode item = reqs.addObject();
                item.put("custom_id", keys.get(i));
                ObjectNode p = item.putObject("params");
                p.put("model", s.name());
                p.put("max_tokens", r.maxOutputTokens());
                if (r.system() != null && !r.system().isBlank()) p.put("system", r.system());
                p.putArray("messages").addObject().put("role", "user").put("content", r.user());
                p.put("temperature", r.temperature());
                if (r.topP() != null) p.put("top_p", r.topP());
            }
            return send("POST", s.baseUrl() + "/messages/batches", body.toString(), "application/json").path("id").asText();
        }
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < chunk.size(); i++) {
            ChatRequest r = chunk.get(i);
            ObjectNode line = Json.MAPPER.createObjectNode();
            line.put("custom_id", keys.get(i));
            line.put("method", "POST");
            line.put("url", "/v1/chat/completions");
            ObjectNode body = line.putObject("body");
            body.put("model", s.name());
            ArrayNode msgs = body.putArray("messages");
            if (r.system() != null && !r.system().isBlank()) msgs.addObject().put("role", "system").put("content", r.system());
            msgs.addObject().put("role", "user").put("content", r.user());
            body.put("temperature", r.temperature());
            if (r.topP() != null) body.put("top_p", r.topP());
            body.put("max_completion_tokens", r.maxOutputTokens());
            jsonl.append(line).append('\n');
        }
        String boundary = "exemplar" + Long.toHexString(System.nanoTime());
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"requests.jsonl\"\r\n"
                + "Content-Type: application/jsonl\r\n\r\n" + jsonl + "\r\n--" + boundary + "--\r\n";
        String fileId = send("POST", s.baseUrl() + "/files", multipart, "multipart/form-data; boundary=" + boundary)
                .path("id").asText();
        ObjectNode create = Json.MAPPER.createObjectNode();
        create.put("input_file_id", fileId);
        create.put("endpoint", "/v1/chat/completions");
        create.put("completion_window", "24h");
        return send("POST", s.baseUrl() + "/batches", create.toString(), "application/json").path("id").asText();
    }

    private JsonNode poll(String id) {
        long pollMillis = Math.max(1, Math.round(s.batchPollSeconds() * 1000));
        while (true) {
            JsonNode st = anthropic() ? send("GET", s.baseUrl() + "/messages/batches/" + id, null, null)
                    : send("GET", s.baseUrl() + "/batches/" + id, null, null);
            String status = anthropic() ? st.path("processing_status").asText() : st.path("status").asText();
            if (anthropic() ? status.equals("ended")
                    : List.of("completed", "failed", "expired", "cancelled").contains(status)) {
                return st;
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LlmStopped("interrupted", "interrupted while waiting for batch " + id);
            }
        }
    }

    private List<JsonNode> results(JsonNode status) {
        String body;
        if (anthropic()) {
            String url = status.path("results_url").asText(null);
            if (url == null) return List.of();
            body = sendRaw("GET", url, null, null);
        } else {
            String file = status.path("output_file_id").asText(null);
            if (file == null || file.isEmpty()) return List.of();
            body = sendRaw("GET", s.baseUrl() + "/files/" + file + "/content", null, null);
        }
        List<JsonNode> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank()) continue;
            try {
                out.add(Json.MAPPER.readTree(line));
            } catch (IOException e) {
                // A garbled result line: that item goes to the live path.
            }
        }
        return out;
    }

    private Transport.Reply parseResult(JsonNode line) {
        if (anthropic()) {
            JsonNode res = line.path("result");
            if (!"succeeded".equals(res.path("type").asText())) return null;
            JsonNode msg = res.path("message");
            StringBuilder text = new StringBuilder();
            for (JsonNode c : msg.path("content")) if ("text".equals(c.path("type").asText())) text.append(c.path("text").asText());
            return new Transport.Reply(text.toString(), "max_tokens".equals(msg.path("stop_reason").asText()),
                    msg.path("usage").path("input_tokens").asLong(), msg.path("usage").path("output_tokens").asLong(), 0);
        }
        JsonNode resp = line.path("response");
        if (resp.path("status_code").asInt() != 200) return null;
        JsonNode body = resp.path("body");
        JsonNode choice = body.path("choices").path(0);
        if (choice.isMissingNode()) return null;
        JsonNode usage = body.path("usage");
        return new Transport.Reply(choice.path("message").path("content").asText(""),
                "length".equals(choice.path("finish_reason").asText()), usage.path("prompt_tokens").asLong(),
                usage.path("completion_tokens").asLong(),
                usage.path("completion_tokens_details").path("reasoning_tokens").asLong());
    }

    private JsonNode send(String method, String url, String body, String contentType) {
        try {
            return Json.MAPPER.readTree(sendRaw(method, url, body, contentType));
        } catch (IOException e) {
            throw new LlmException("batch_malformed", "unreadable batch API reply from " + url);
        }
    }

    private String sendRaw(String method, String url, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMillis(
                Math.max(1000, Math.round(s.timeoutSeconds() * 1000))));
        if (contentType != null) b.header("Content-Type", contentType);
        if (apiKey != null) {
            if (anthropic()) b.header("x-api-key", apiKey).header("anthropic-version", "2023-06-01");
            else b.header("Authorization", "Bearer " + apiKey);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        ModelSettings.Retry policy = s.retry();
        for (int attempt = 1; ; attempt++) {
            int status;
            String text;
            long retryAfter = -1;
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                status = r.statusCode();
                text = r.body();
                retryAfter = StatusAwareHttpClient.retryAfter(r.headers().firstValue("retry-after").orElse(null));
            } catch (IOException e) {
                status = 0;
                text = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LlmStopped("interrupted", "interrupted during a batch API call");
            }
            if (status >= 200 && status < 300) return text;
            ProviderError err = new ProviderError(status, status == 0 ? "connection" : "http_" + status, retryAfter,
                    "batch API " + method + " " + url + " failed: " + (status == 0 ? "" : "HTTP " + status + ": ")
                            + Secrets.brief(text, 300));
            if (!err.retryable() || attempt >= policy.maxAttempts()) {
                // A batch endpoint that refuses us is not one sample's problem: stop the run.
                throw new LlmStopped("batch_failed", "stopping the run: " + err.getMessage());
            }
            try {
                Thread.sleep(ResilientChatClient.backoffMillis(policy, attempt, retryAfter));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LlmStopped("interrupted", "interrupted during a batch API retry");
            }
        }
    }

    // ---- persisted state ----

    private void readState(Map<String, Submitted> submitted, Set<String> collected) {
        if (!Files.exists(stateFile)) return;
        try {
            for (String line : Files.readAllLines(stateFile, StandardCharsets.UTF_8)) {
                JsonNode n;
                try {
                    n = Json.MAPPER.readTree(line);
                } catch (IOException e) {
                    continue; // a line cut off by a kill
                }
                if (n == null) continue;
                String id = n.path("id").asText();
                if ("submitted".equals(n.path("event").asText())) {
                    List<String> keys = new ArrayList<>();
                    n.path("keys").forEach(k -> keys.add(k.asText()));
                    submitted.put(id, new Submitted(id, keys));
                } else if ("collected".equals(n.path("event").asText())) {
                    collected.add(id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stateFile, e);
        }
    }

    private void appendState(String event, String id, List<String> keys) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("event", event);
        n.put("id", id);
        n.put("provider", s.provider());
        if (!keys.isEmpty()) {
            ArrayNode a = n.putArray("keys");
            keys.forEach(a::add);
        }
        try {
            Files.createDirectories(stateFile.getParent());
            try (var ch = java.nio.channels.FileChannel.open(stateFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                ch.write(java.nio.ByteBuffer.wrap((n + "\n").getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record batch " + id + " in " + stateFile, e);
        }
    }

    /** Estimated tokens of a set of requests (prompt plus output limit), for the budget check. */
    static long estimate(List<ChatRequest> rs) {
        long t = 0;
        for (ChatRequest r : rs) t += TokenCounter.count(r.system() + "\n" + r.user()) + r.maxOutputTokens();
        return t;
    }
}

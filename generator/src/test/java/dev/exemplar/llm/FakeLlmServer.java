package dev.exemplar.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.exemplar.doc.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP server on loopback that speaks OpenAI chat completions, Anthropic messages and Ollama
 * chat (plus the OpenAI Batch and Anthropic Message Batches endpoints), with scripted behaviour:
 * latency, 429 with Retry-After, 5xx, hangs past the client timeout, malformed JSON, truncated
 * answers, refusals. Every chat request is recorded so tests can count what was sent. Reusable by
 * any test that needs a model endpoint.
 */
public final class FakeLlmServer implements AutoCloseable {
    /** What the server does with one chat request. */
    public sealed interface Action permits Reply, Status, Hang, Malformed {}

    /** Answers with {@code text}; {@code finish} "stop" or "length" (truncated). */
    public record Reply(String text, String finish) implements Action {}

    /** Fails with an HTTP status; {@code retryAfter} is the header value or null. */
    public record Status(int code, String retryAfter) implements Action {}

    /** Waits {@code millis} before answering normally: a timeout for a client with a shorter one. */
    public record Hang(long millis) implements Action {}

    /** Answers 200 with a body that is not JSON. */
    public record Malformed() implements Action {}

    /** One chat request as received. */
    public record Call(String protocol, String model, String system, String user, String authorization, String body) {
        public String prompt() { return (system == null ? "" : system) + "\n" + user; }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-llm");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<Action> script = new ConcurrentLinkedQueue<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> promptCounts = new ConcurrentHashMap<>();
    private final Map<String, String> files = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> batches = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> batchPolls = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger batchItems = new AtomicInteger();
    private volatile Function<Call, Action> responder = c -> new Reply(story(c.prompt(), 180), "stop");
    private volatile long latencyMillis;
    private volatile long reasoningTokens;
    private volatile int pollsUntilDone = 1;

    private FakeLlmServer() throws IOException {
        // Like production servers (uvicorn, nginx), answer without Nagle's delay: the JDK server
        // writes headers and body separately, which otherwise waits out the peer's delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    public static FakeLlmServer start() {
        try {
            return new FakeLlmServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    /** Base URL for openai and anthropic providers. */
    public String v1() { return url() + "/v1"; }

    /** Queues actions for the next chat requests, in order; afterwards the responder answers. */
    public FakeLlmServer enqueue(Action... actions) {
        script.addAll(List.of(actions));
        return this;
    }

    public FakeLlmServer responder(Function<Call, Action> f) {
        this.responder = f;
        return this;
    }

    public FakeLlmServer latency(long millis) {
        this.latencyMillis = millis;
        return this;
    }

    public FakeLlmServer reasoningTokens(long n) {
        this.reasoningTokens = n;
        return this;
    }

    /** How many status polls a batch answers "in progress" before it ends. */
    public FakeLlmServer pollsUntilDone(int n) {
        this.pollsUntilDone = n;
        return this;
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public int chatRequests() { return calls.size(); }

    /** Requests per exact prompt (system + user); a value above 1 means a prompt was sent twice. */
    public Map<String, Integer> promptCounts() {
        Map<String, Integer> m = new java.util.HashMap<>();
        promptCounts.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    public int batchesCreated() { return batches.size(); }

    public int batchItems() { return batchItems.get(); }

    /** Tokens the server reports for a text: its whitespace-separated words. */
    public static long tokens(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** A deterministic story of about {@code words} words, different for every seed text. */
    public static String story(String seed, int words) {
        String[] vocab = ("the a to of and that have with it was she he they said quietly lamp river window "
                + "machine garden morning question answer station harbour kettle notebook signal lantern archive "
                + "careful honest small bright patient curious tired gentle steady open old new warm cold "
                + "walked asked wondered listened waited opened closed wrote carried noticed remembered explained "
                + "because while after before until although if when then still again only almost perhaps").split(" ");
        Random rnd = new Random(seed.hashCode() * 31L + seed.length());
        StringBuilder sb = new StringBuilder();
        int n = 0;
        while (n < words) {
            int len = 8 + rnd.nextInt(8);
            for (int i = 0; i < len; i++) {
                String w = vocab[rnd.nextInt(vocab.length)];
                if (i == 0) w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
                sb.append(w).append(i == len - 1 ? ". " : " ");
            }
            n += len;
            if (rnd.nextInt(4) == 0) sb.append("\n\n");
        }
        return sb.toString().strip();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null) auth = ex.getRequestHeaders().getFirst("x-api-key");
            if (path.endsWith("/chat/completions")) chat(ex, "openai", body, auth);
            else if (path.endsWith("/messages") && method.equals("POST")) chat(ex, "anthropic", body, auth);
            else if (path.endsWith("/api/chat")) chat(ex, "ollama", body, auth);
            else if (path.endsWith("/files") && method.equals("POST")) uploadFile(ex, body);
            else if (path.matches(".*/files/[^/]+/content")) send(ex, 200, files.getOrDefault(path.replaceAll(".*/files/([^/]+)/content", "$1"), ""));
            else if (path.endsWith("/batches") && method.equals("POST") && path.contains("/messages/")) createAnthropicBatch(ex, body);
            else if (path.endsWith("/batches") && method.equals("POST")) createOpenAiBatch(ex, body);
            else if (path.matches(".*/messages/batches/[^/]+/results")) send(ex, 200, files.getOrDefault(path, ""));
            else if (path.matches(".*/messages/batches/[^/]+")) pollBatch(ex, path.replaceAll(".*/", ""), true);
            else if (path.matches(".*/batches/[^/]+")) pollBatch(ex, path.replaceAll(".*/", ""), false);
            else send(ex, 404, "{\"error\":\"no route " + path + "\"}");
        } catch (RuntimeException e) {
            // A test server must not die on one bad exchange; the client sees a 500.
            try {
                send(ex, 500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
            } catch (IOException ignored) {
                // client gone
            }
        }
    }

    private Call parseCall(String protocol, String body, String auth) throws IOException {
        JsonNode n = Json.MAPPER.readTree(body);
        String system = null;
        String user = "";
        if (n.has("system")) system = n.get("system").isTextual() ? n.get("system").asText() : text(n.get("system"));
        for (JsonNode m : n.path("messages")) {
            String role = m.path("role").asText();
            String content = m.get("content").isTextual() ? m.get("content").asText() : text(m.get("content"));
            if (role.equals("system")) system = content;
            else if (role.equals("user")) user = content;
        }
        return new Call(protocol, n.path("model").asText(), system, user, auth, body);
    }

    private static String text(JsonNode content) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : content) sb.append(c.path("text").asText());
        return sb.toString();
    }

    private void chat(HttpExchange ex, String protocol, String body, String auth) throws IOException {
        Call call = parseCall(protocol, body, auth);
        calls.add(call);
        promptCounts.computeIfAbsent(call.prompt(), k -> new AtomicInteger()).incrementAndGet();
        Action a = script.poll();
        if (a == null) a = responder.apply(call);
        sleep(latencyMillis);
        if (a instanceof Hang h) {
            sleep(h.millis());
            a = responder.apply(call);
        }
        if (a instanceof Status s) {
            if (s.retryAfter() != null) ex.getResponseHeaders().add("Retry-After", s.retryAfter());
            // Real servers echo request details in errors; the client must scrub keys from them.
            send(ex, s.code(), "{\"error\":{\"message\":\"scripted " + s.code() + " for key " + auth + "\"}}");
        } else if (a instanceof Malformed) {
            send(ex, 200, "{\"choices\": [ {\"message\": tru");
        } else {
            send(ex, 200, replyBody(protocol, call, (Reply) a).toString());
        }
    }

    private ObjectNode replyBody(String protocol, Call call, Reply r) {
        long in = tokens(call.prompt());
        long out = tokens(r.text());
        boolean cut = "length".equals(r.finish());
        ObjectNode o = Json.MAPPER.createObjectNode();
        switch (protocol) {
            case "anthropic" -> {
                o.put("id", "msg_" + ids.incrementAndGet());
                o.put("type", "message");
                o.put("role", "assistant");
                o.put("model", call.model());
                o.putArray("content").addObject().put("type", "text").put("text", r.text());
                o.put("stop_reason", cut ? "max_tokens" : "end_turn");
                o.putObject("usage").put("input_tokens", in).put("output_tokens", out);
            }
            case "ollama" -> {
                o.put("model", call.model());
                o.put("created_at", "2026-01-01T00:00:00Z");
                o.putObject("message").put("role", "assistant").put("content", r.text());
                o.put("done", true);
                o.put("done_reason", cut ? "length" : "stop");
                o.put("prompt_eval_count", in);
                o.put("eval_count", out);
            }
            default -> {
                o.put("id", "chatcmpl-" + ids.incrementAndGet());
                o.put("object", "chat.completion");
                o.put("created", 0);
                o.put("model", call.model());
                ObjectNode ch = o.putArray("choices").addObject();
                ch.put("index", 0);
                ch.putObject("message").put("role", "assistant").put("content", r.text());
                ch.put("finish_reason", cut ? "length" : "stop");
                ObjectNode u = o.putObject("usage");
                u.put("prompt_tokens", in);
                u.put("completion_tokens", out + reasoningTokens);
                u.put("total_tokens", in + out + reasoningTokens);
                u.putObject("completion_tokens_details").put("reasoning_tokens", reasoningTokens);
            }
        }
        return o;
    }

    // ---- batch APIs ----

    private void uploadFile(HttpExchange ex, String body) throws IOException {
        // Multipart: the JSONL is the part after the file part's blank line.
        int start = body.indexOf("filename=");
        int blank = body.indexOf("\r\n\r\n", start) + 4;
        int end = body.lastIndexOf("\r\n--");
        String id = "file-" + ids.incrementAndGet();
        files.put(id, body.substring(blank, end));
        send(ex, 200, "{\"id\":\"" + id + "\",\"object\":\"file\",\"purpose\":\"batch\"}");
    }

    private void createOpenAiBatch(HttpExchange ex, String body) throws IOException {
        JsonNode n = Json.MAPPER.readTree(body);
        String id = "batch_" + ids.incrementAndGet();
        StringBuilder out = new StringBuilder();
        for (String line : files.getOrDefault(n.path("input_file_id").asText(), "").split("\n")) {
            if (line.isBlank()) continue;
            JsonNode item = Json.MAPPER.readTree(line);
            batchItems.incrementAndGet();
            Call call = parseCall("openai", item.path("body").toString(), null);
            Action a = responder.apply(call);
            ObjectNode res = Json.MAPPER.createObjectNode();
            res.put("custom_id", item.path("custom_id").asText());
            if (a instanceof Reply r) {
                res.putObject("response").put("status_code", 200).set("body", replyBody("openai", call, r));
            } else {
                res.putObject("response").put("status_code", 500).putObject("body");
            }
            out.append(res).append('\n');
        }
        String outFile = "file-" + ids.incrementAndGet();
        files.put(outFile, out.toString());
        ObjectNode b = Json.MAPPER.createObjectNode().put("id", id).put("output_file_id", outFile);
        batches.put(id, b);
        send(ex, 200, "{\"id\":\"" + id + "\",\"status\":\"validating\"}");
    }

    private void createAnthropicBatch(HttpExchange ex, String body) throws IOException {
        JsonNode n = Json.MAPPER.readTree(body);
        String id = "msgbatch_" + ids.incrementAndGet();
        StringBuilder out = new StringBuilder();
        for (JsonNode item : n.path("requests")) {
            batchItems.incrementAndGet();
            Call call = parseCall("anthropic", item.path("params").toString(), null);
            Action a = responder.apply(call);
            ObjectNode res = Json.MAPPER.createObjectNode();
            res.put("custom_id", item.path("custom_id").asText());
            if (a instanceof Reply r) {
                res.putObject("result").put("type", "succeeded").set("message", replyBody("anthropic", call, r));
            } else {
                res.putObject("result").put("type", "errored");
            }
            out.append(res).append('\n');
        }
        files.put("/v1/messages/batches/" + id + "/results", out.toString());
        batches.put(id, Json.MAPPER.createObjectNode().put("id", id));
        send(ex, 200, "{\"id\":\"" + id + "\",\"type\":\"message_batch\",\"processing_status\":\"in_progress\"}");
    }

    private void pollBatch(HttpExchange ex, String id, boolean anthropic) throws IOException {
        JsonNode b = batches.get(id);
        if (b == null) {
            send(ex, 404, "{\"error\":\"no batch " + id + "\"}");
            return;
        }
        boolean done = batchPolls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() > pollsUntilDone;
        ObjectNode o = Json.MAPPER.createObjectNode().put("id", id);
        if (anthropic) {
            o.put("processing_status", done ? "ended" : "in_progress");
            if (done) o.put("results_url", url() + "/v1/messages/batches/" + id + "/results");
        } else {
            o.put("status", done ? "completed" : "in_progress");
            if (done) o.put("output_file_id", b.path("output_file_id").asText());
        }
        send(ex, 200, o.toString());
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    private static void sleep(long ms) {
        if (ms <= 0) return;
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}

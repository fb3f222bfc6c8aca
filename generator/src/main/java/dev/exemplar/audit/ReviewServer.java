package dev.exemplar.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.Json;
import dev.exemplar.doc.JsonlReader;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The local labelling page of {@code exemplar review}: serves the run's documents (accepted and
 * rejected) to a page on 127.0.0.1 and appends each label to {@code labels.jsonl} as it is made.
 * Requests with a foreign Host header are refused (DNS rebinding), and labels must be posted as
 * JSON, which a cross-site form cannot do.
 */
public final class ReviewServer implements AutoCloseable {
    /** Labels are a few hundred bytes; a body larger than this is refused unread. */
    static final int MAX_BODY = 64 * 1024;
    /** Of a body over the limit, at most this much is read (and dropped) before answering 413; beyond, the connection is closed. */
    static final long MAX_DISCARD = 16L << 20;
    /** Seconds a client may take to send a request, or to take a response, before its connection is closed. */
    static final int REQUEST_SECONDS = 20;

    static {
        // The JDK server reads these once, when its first server starts; a half-sent request then
        // cannot hold a thread for ever. An explicit -D setting wins.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
        }
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
            System.setProperty("sun.net.httpserver.maxRspTime", Integer.toString(REQUEST_SECONDS));
        }
    }

    private final RunDirectory run;
    private final LabelStore labels;
    private final Map<String, Item> docs = new LinkedHashMap<>();
    private final long total;
    private HttpServer server;
    private ExecutorService executor;

    /**
     * Loads the run. Runs larger than {@code limit} documents are reviewed through a stratified
     * sample of {@code limit} (by status and archetype), so the page stays quick.
     */
    public ReviewServer(RunDirectory run, int limit, long seed, BadLinePolicy policy, Consumer<String> warnings) {
        this.run = run;
        this.labels = new LabelStore(run.labels());
        StratifiedSampler<Item> sampler = new StratifiedSampler<>(limit, seed);
        JsonlReader reader = new JsonlReader(policy, warnings);
        if (run.hasData()) {
            reader.read(List.of(run.data()), d -> sampler.offer("accepted/" + Dimension.ARCHETYPE.of(d.record()),
                    d.id(), d, x -> item(x, "accepted")));
        }
        if (run.hasRejected()) {
            reader.read(List.of(run.rejected()), d -> sampler.offer("rejected/" + Dimension.ARCHETYPE.of(d.record()),
                    d.id(), d, x -> item(x, "rejected")));
        }
        long t = 0;
        List<Item> all = new ArrayList<>();
        for (var drawn : sampler.draw()) {
            t += drawn.size();
            all.addAll(drawn.docs());
        }
        // Corpus order (index, then id) reads better than sample order.
        all.sort(java.util.Comparator.comparing((Item i) -> i.summary().path("status").asText())
                .thenComparingLong(i -> i.summary().path("index").asLong(Long.MAX_VALUE))
                .thenComparing(i -> i.summary().path("id").asText()));
        for (Item i : all) docs.put(i.summary().get("id").asText(), i);
        this.total = t;
    }

    /** A document's summary for the list, and its full record for reading. */
    private record Item(ObjectNode summary, ObjectNode record) {}

    private static Item item(Document d, String status) {
        ObjectNode r = d.record();
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", d.id());
        o.put("status", status);
        if (r.path("index").isIntegralNumber()) o.put("index", r.get("index").asLong());
        for (Dimension dim : Dimension.values()) o.put(dim.id(), dim.of(r));
        ArrayNode reasons = o.putArray("reasons");
        Auditor.reasonKeys(r.path("reasons")).forEach(reasons::add);
        ObjectNode scores = o.putObject("scores");
        Auditor.flatScores(r.path("scores")).forEach(scores::put);
        o.put("words", Auditor.words(d));
        return new Item(o, r);
    }

    public int documents() { return docs.size(); }
    public long runDocuments() { return total; }

    /** Starts serving on 127.0.0.1:{@code port} (0 picks a free port) and returns the bound port. */
    public int start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        // Requests are served concurrently, so a slow client holds one thread, not the page.
        var pool = new java.util.concurrent.ThreadPoolExecutor(32, 32, 30, java.util.concurrent.TimeUnit.SECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "review-http");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        executor = pool;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return server.getAddress().getPort();
    }

    public int port() { return server.getAddress().getPort(); }

    @Override
    public void close() {
        if (server != null) server.stop(0);
        if (executor != null) executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!localHost(ex.getRequestHeaders().getFirst("Host"))) {
                send(ex, 403, "text/plain", "forbidden: this server answers only to 127.0.0.1 or localhost");
                return;
            }
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            switch (method + " " + path) {
                case "GET /", "GET /index.html" -> send(ex, 200, "text/html; charset=utf-8", HtmlReport.resource("audit/review.html"));
                case "GET /review.js" -> send(ex, 200, "text/javascript; charset=utf-8", HtmlReport.resource("audit/review.js"));
                case "GET /review.css" -> send(ex, 200, "text/css; charset=utf-8", HtmlReport.resource("audit/review.css"));
                case "GET /api/items" -> sendJson(ex, 200, items());
                case "GET /api/doc" -> doc(ex);
                case "POST /api/labels" -> label(ex);
                default -> send(ex, 404, "text/plain", "not found: " + method + " " + path);
            }
        } catch (RuntimeException e) {
            send(ex, 500, "text/plain", "error: " + e.getMessage());
        }
    }

    private boolean localHost(String host) {
        if (host == null) return false;
        int port = port();
        return host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port);
    }

    /** Every document's summary (no text) with its current label, and the values to filter by. */
    private ObjectNode items() {
        Map<String, LabelStore.Label> current = labels.read(BadLinePolicy.SKIP, w -> {});
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("run", run.root().toString());
        out.put("loaded", docs.size());
        out.put("total", total);
        Map<String, Set<String>> facets = new LinkedHashMap<>();
        for (String f : List.of("archetype", "format", "generator", "reasons", "scores")) facets.put(f, new TreeSet<>());
        ArrayNode items = out.putArray("items");
        for (Item d : docs.values()) {
            ObjectNode o = d.summary().deepCopy();
            LabelStore.Label l = current.get(o.get("id").asText());
            if (l != null) {
                o.put("label", l.good() ? "good" : "bad");
                if (l.reason() != null) o.put("labelReason", l.reason());
            }
            for (Dimension dim : Dimension.values()) facets.get(dim.id()).add(o.get(dim.id()).asText());
            o.get("reasons").forEach(r -> facets.get("reasons").add(r.asText()));
            o.get("scores").fieldNames().forEachRemaining(facets.get("scores")::add);
            items.add(o);
        }
        ObjectNode f = out.putObject("facets");
        facets.forEach((k, v) -> v.forEach(f.withArray(k)::add));
        return out;
    }

    private void doc(HttpExchange ex) throws IOException {
        String id = query(ex.getRequestURI()).get("id");
        Item d = id == null ? null : docs.get(id);
        if (d == null) {
            send(ex, 404, "text/plain", "no document " + id);
            return;
        }
        sendJson(ex, 200, d.record());
    }

    private void label(HttpExchange ex) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            send(ex, 415, "text/plain", "labels must be posted as application/json");
            return;
        }
        JsonNode body;
        try {
            byte[] bytes = ex.getRequestBody().readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                // Read on (never kept, never parsed, up to a bound) so the client gets the answer rather than a reset.
                try {
                    ex.getRequestBody().transferTo(new BoundedSink(MAX_DISCARD));
                } catch (IOException tooMuch) {
                    // Past the bound: answer anyway; the connection closes after it.
                }
                send(ex, 413, "text/plain", "a label is at most " + MAX_BODY + " bytes");
                return;
            }
            body = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            send(ex, 400, "text/plain", "not JSON: " + e.getMessage());
            return;
        }
        String id = body.path("id").asText("");
        String label = body.path("label").asText("");
        Item d = docs.get(id);
        if (d == null || !(label.equals("good") || label.equals("bad"))) {
            send(ex, 400, "text/plain", "expected {\"id\": a document id of this run, \"label\": \"good\" or \"bad\", \"reason\": optional}");
            return;
        }
        String reason = body.path("reason").isTextual() ? body.get("reason").asText() : null;
        LabelStore.Label l = labels.append(id, label.equals("good"), reason, d.summary().get("status").asText());
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("id", l.id());
        out.put("label", label);
        if (l.reason() != null) out.put("reason", l.reason());
        sendJson(ex, 200, out);
    }

    /** Drops what it is given, failing once more than {@code max} bytes came (so a client cannot stream for ever). */
    private static final class BoundedSink extends OutputStream {
        private long left;

        BoundedSink(long max) { this.left = max; }

        @Override
        public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            left -= len;
            if (left < 0) throw new IOException("request body too large");
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = uri.getRawQuery();
        if (q == null) return out;
        for (String kv : q.split("&")) {
            int i = kv.indexOf('=');
            if (i > 0) out.put(URLDecoder.decode(kv.substring(0, i), StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void sendJson(HttpExchange ex, int status, JsonNode body) throws IOException {
        send(ex, status, "application/json; charset=utf-8", Json.MAPPER.writeValueAsString(body));
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }
}

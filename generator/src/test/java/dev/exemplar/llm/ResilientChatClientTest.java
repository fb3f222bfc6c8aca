package dev.exemplar.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.spec.BudgetSettings;
import dev.exemplar.spec.ModelSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

/** The resilient client against a real loopback server: retries, backoff, breaker, journal, ledger, budget, batches. */
class ResilientChatClientTest {
    static final String KEY = "sk-test-SENTINEL-0123456789abcdef";
    final FakeLlmServer server = FakeLlmServer.start();
    @TempDir Path dir;

    @AfterEach
    void stop() { server.close(); }

    ModelSettings settings(String provider, String extra) {
        StringBuilder y = new StringBuilder("provider: " + provider + "\nname: test-model\nbase_url: "
                + (provider.equals("ollama") ? server.url() : server.v1())
                + "\nprice: {input_per_million: 2.0, output_per_million: 10.0}\n");
        // Defaults fast enough for tests, unless the test sets its own.
        if (!extra.contains("timeout_seconds")) y.append("timeout_seconds: 2\n");
        if (!extra.contains("retry:")) y.append("retry: {max_attempts: 4, initial_backoff_seconds: 0.01, max_backoff_seconds: 0.05}\n");
        return ModelSettings.parse(y + extra);
    }

    ResilientChatClient client(ModelSettings s) {
        return ChatClients.create(s, dir, "model", Budget.unlimited(), m -> {}, KEY);
    }

    static ChatRequest req(String user) {
        return new ChatRequest("draft", "comfort-with-shutdown", "You write stories.", user, 0.7, null, 300);
    }

    @Test
    void openAiAnswerIsJournaledAndCountedInTheLedger() {
        server.reasoningTokens(5);
        try (var c = client(settings("openai", ""))) {
            ChatResponse r = c.chat(req("Write about a lighthouse."));
            assertFalse(r.fromJournal());
            assertFalse(r.truncated());
            FakeLlmServer.Call call = server.calls().get(0);
            assertEquals("Bearer " + KEY, call.authorization());
            assertEquals(FakeLlmServer.story(call.prompt(), 180), r.text());
            assertEquals(FakeLlmServer.tokens(call.prompt()), r.inputTokens());
            assertEquals(FakeLlmServer.tokens(r.text()) + 5, r.outputTokens());
            assertEquals(5, r.reasoningTokens());
            JsonNode rep = c.report();
            JsonNode line = rep.path("lines").get(0);
            assertEquals("draft", line.path("stage").asText());
            assertEquals("comfort-with-shutdown", line.path("archetype").asText());
            assertEquals(1, line.path("calls").asLong());
            double cost = (r.inputTokens() * 2.0 + r.outputTokens() * 10.0) / 1e6;
            assertEquals(cost, rep.path("total").path("cost_usd").asDouble(), 1e-6);
            assertEquals(5, rep.path("total").path("reasoning_tokens").asLong());
        }
        // A new session replays the answer without a request.
        try (var c = client(settings("openai", ""))) {
            ChatResponse r = c.chat(req("Write about a lighthouse."));
            assertTrue(r.fromJournal());
            assertEquals(1, server.chatRequests());
            assertEquals(1, c.report().path("total").path("replayed").asLong());
            assertEquals(0, c.report().path("total").path("calls").asLong());
        }
    }

    @Test
    void anthropicAndOllamaSpeakTheirProtocolsAndReportTruncation() {
        server.enqueue(new FakeLlmServer.Reply("cut off mid", "length"));
        try (var c = client(settings("anthropic", ""))) {
            ChatResponse r = c.chat(req("one"));
            assertTrue(r.truncated());
            assertEquals("cut off mid", r.text());
            assertEquals(KEY, server.calls().get(0).authorization());
            assertEquals("You write stories.", server.calls().get(0).system());
            assertEquals(3, r.outputTokens());
        }
        try (var c = ChatClients.create(settings("ollama", ""), dir, "ollama", Budget.unlimited(), m -> {}, null)) {
            ChatResponse r = c.chat(req("two"));
            assertFalse(r.truncated());
            assertEquals("ollama", server.calls().get(1).protocol());
            assertEquals(FakeLlmServer.tokens(server.calls().get(1).prompt()), r.inputTokens());
        }
    }

    @Test
    void retriesTimeoutsServerErrorsMalformedRepliesAndHonoursRetryAfter() {
        try (var c = client(settings("openai", "timeout_seconds: 1.5\nretry: {max_attempts: 5, initial_backoff_seconds: 0.01, max_backoff_seconds: 0.02}"))) {
            // Warm both ends first so a slow cold start is not mistaken for the scripted timeout.
            c.chat(req("warm-up"));
            server.enqueue(new FakeLlmServer.Status(429, "0.4"), new FakeLlmServer.Status(503, null),
                    new FakeLlmServer.Malformed(), new FakeLlmServer.Hang(6000));
            long t0 = System.nanoTime();
            ChatResponse r = c.chat(req("persist"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertFalse(r.text().isEmpty());
            assertEquals(6, server.chatRequests());
            assertTrue(ms >= 400 + 1500, "waited for Retry-After and the timeout, took " + ms + " ms");
            JsonNode rep = c.report();
            assertEquals(4, rep.path("retries").asLong());
            assertEquals(1, rep.path("rate_limited").asLong());
            assertEquals(1, rep.path("errors").path("timeout").asLong(), rep.toString());
            assertEquals(1, rep.path("errors").path("http_503").asLong(), rep.toString());
            assertEquals(1, rep.path("errors").path("malformed_response").asLong(), rep.toString());
        }
    }

    @Test
    void noRetryOnClientErrorsAndNoKeyInMessages() {
        server.enqueue(new FakeLlmServer.Status(401, null), new FakeLlmServer.Status(400, null));
        try (var c = client(settings("openai", ""))) {
            LlmException e = assertThrows(LlmException.class, () -> c.chat(req("a")));
            assertEquals("http_401", e.code());
            assertFalse(e.getMessage().contains(KEY), e.getMessage());
            assertTrue(e.getMessage().contains("401"));
            LlmException e2 = assertThrows(LlmException.class, () -> c.chat(req("b")));
            assertEquals("http_400", e2.code());
            assertEquals(2, server.chatRequests());
        }
    }

    @Test
    void gaveUpAfterMaxAttempts() {
        server.responder(call -> new FakeLlmServer.Status(500, null));
        try (var c = client(settings("openai", "breaker: {window: 100, min_calls: 100}"))) {
            LlmException e = assertThrows(LlmException.class, () -> c.chat(req("x")));
            assertEquals("http_500", e.code());
            assertTrue(e.getMessage().contains("gave up after 4 attempts"), e.getMessage());
            assertEquals(4, server.chatRequests());
        }
    }

    @Test
    void breakerOpensOnErrorShareAndStopsEveryLaterCall() {
        server.responder(call -> new FakeLlmServer.Status(500, null));
        try (var c = client(settings("openai", "retry: {max_attempts: 1}\nbreaker: {window: 10, min_calls: 6, max_error_rate: 0.5}"))) {
            int failed = 0;
            LlmStopped stopped = null;
            for (int i = 0; i < 20 && stopped == null; i++) {
                try {
                    c.chat(req("q" + i));
                } catch (LlmStopped s) {
                    stopped = s;
                } catch (LlmException e) {
                    failed++;
                }
            }
            assertNotNull(stopped);
            assertEquals("circuit_breaker", stopped.code());
            assertEquals(5, failed, "the sixth failure trips the breaker");
            int sent = server.chatRequests();
            assertThrows(LlmStopped.class, () -> c.chat(req("after")));
            assertEquals(sent, server.chatRequests(), "an open breaker sends nothing");
        }
    }

    @Test
    void sustainedRateLimitsTripTheStallTimer() {
        try (var c = client(settings("openai", "retry: {max_attempts: 1000, initial_backoff_seconds: 0.01, max_backoff_seconds: 0.05}\nbreaker: {stall_seconds: 0.6}"))) {
            c.chat(req("cold start"));
            long t0 = System.nanoTime();
            // The stall clock runs from the last success, which lies between t0 and the 429s.
            c.chat(req("warm-up"));
            server.responder(call -> new FakeLlmServer.Status(429, "0.05"));
            LlmStopped s = assertThrows(LlmStopped.class, () -> c.chat(req("z")));
            double secs = (System.nanoTime() - t0) / 1e9;
            assertEquals("rate_limit_stall", s.code());
            assertTrue(secs >= 0.6 && secs < 6, "stalled for " + secs + " " + c.report() + " requests " + server.chatRequests());
            assertTrue(server.chatRequests() > 3, "kept trying while rate limited");
        }
    }

    @Test
    void rateLimitHalvesTheWindowOnce() throws Exception {
        server.latency(100).enqueue(new FakeLlmServer.Status(429, "0.1"));
        try (var c = client(settings("openai", "concurrency: 8"))) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<ChatResponse>> fs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String u = "p" + i;
                fs.add(pool.submit(() -> c.chat(req(u))));
            }
            for (var f : fs) assertNotNull(f.get().text());
            pool.shutdown();
            double w = c.report().path("rate_window").asDouble();
            assertTrue(w >= 4 && w < 8, "window after one 429 and 8 successes: " + w);
        }
    }

    @Test
    void budgetStopsBeforeOverspending() {
        Budget b = new Budget(new BudgetSettings(0, 1000));
        try (var c = ChatClients.create(settings("openai", ""), dir, "model", b, m -> {}, KEY)) {
            c.chat(req("first"));
            c.chat(req("second"));
            LlmStopped s = null;
            int ok = 2;
            for (int i = 0; i < 10 && s == null; i++) {
                try {
                    c.chat(req("more" + i));
                    ok++;
                } catch (LlmStopped e) {
                    s = e;
                }
            }
            assertNotNull(s);
            assertEquals("budget_exhausted", s.code());
            assertTrue(b.spentTokens() <= 1000, "spent " + b.spentTokens());
            assertEquals(ok, server.chatRequests());
        }
    }

    @Test
    void journalSurvivesACutOffLastLine() throws Exception {
        try (var c = client(settings("openai", ""))) {
            c.chat(req("kept"));
            c.chat(req("cut"));
        }
        Path j = dir.resolve("llm/model.journal.jsonl");
        byte[] all = Files.readAllBytes(j);
        Files.write(j, java.util.Arrays.copyOf(all, all.length - 20));
        try (var c = client(settings("openai", ""))) {
            assertEquals(1, c.journalDroppedLines());
            assertTrue(c.chat(req("kept")).fromJournal());
            assertFalse(c.chat(req("cut")).fromJournal());
            assertEquals(3, server.chatRequests());
        }
        assertFalse(Files.readString(j).contains(KEY));
    }

    @Test
    void openAiBatchPrefetchesAndResumesWithoutResubmitting() {
        batchRoundTrip("openai");
    }

    @Test
    void anthropicBatchPrefetchesAndResumesWithoutResubmitting() {
        batchRoundTrip("anthropic");
    }

    void batchRoundTrip(String provider) {
        server.pollsUntilDone(2);
        ModelSettings s = settings(provider, "batch: true\nbatch_poll_seconds: 0.01");
        List<ChatRequest> rs = new ArrayList<>();
        for (int i = 0; i < 5; i++) rs.add(req("batch item " + i));
        try (var c = client(s)) {
            c.prefetch(rs);
            assertEquals(1, server.batchesCreated());
            assertEquals(5, server.batchItems());
            for (ChatRequest r : rs) {
                ChatResponse resp = c.chat(r);
                assertFalse(resp.fromJournal(), "paid in this session's batch");
                assertFalse(resp.text().isEmpty());
            }
            assertEquals(0, server.chatRequests());
            assertEquals(5, c.report().path("total").path("calls").asLong());
        }
        Path state = dir.resolve("llm/model.batches.jsonl");
        assertTrue(Files.exists(state));
        try (var c = client(s)) {
            c.prefetch(rs);
            assertEquals(1, server.batchesCreated(), "nothing submitted twice");
            for (ChatRequest r : rs) assertTrue(c.chat(r).fromJournal());
        }
    }

    @Test
    void interruptedBatchIsCollectedNotResubmitted() throws Exception {
        ModelSettings s = settings("openai", "batch: true\nbatch_poll_seconds: 0.01");
        List<ChatRequest> rs = List.of(req("i1"), req("i2"), req("i3"));
        try (var c = client(s)) {
            c.prefetch(rs);
        }
        // Simulate a kill after submission: forget the collection and the journal.
        Path state = dir.resolve("llm/model.batches.jsonl");
        List<String> lines = Files.readAllLines(state);
        Files.write(state, lines.stream().filter(l -> l.contains("\"submitted\"")).toList());
        Files.delete(dir.resolve("llm/model.journal.jsonl"));
        try (var c = client(s)) {
            c.prefetch(rs);
            assertEquals(1, server.batchesCreated());
            for (ChatRequest r : rs) assertFalse(c.chat(r).text().isEmpty());
            assertEquals(0, server.chatRequests());
        }
    }
}

package dev.exemplar.generate.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import dev.exemplar.doc.Json;
import dev.exemplar.llm.FakeLlmServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** {@code exemplar generate} on the model path through the CLI, against the loopback fake server. */
class ModelGenerateCliTest {
    @TempDir Path tmp;
    final FakeLlmServer server = FakeLlmServer.start();
    final String mix = TestProject.root().resolve("mixes/vllm.yaml").toString();

    @AfterEach
    void stop() { server.close(); }

    static String revised(FakeLlmServer.Call c) {
        return "CRITIQUE:\nShows the markers; the ending moralises a little.\nREWRITE:\n" + FakeLlmServer.story("rev" + c.user(), 170);
    }

    List<String> args(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("generate", "--mix", mix, "--out", out.toString(),
                "--set", "model.base_url=" + server.v1(),
                "--set", "model.concurrency=4",
                "--set", "model.price={input_per_million: 1.0, output_per_million: 4.0}",
                "--set", "model.retry={max_attempts: 4, initial_backoff_seconds: 0.01, max_backoff_seconds: 0.05}",
                // The fake server writes word salad, which the learned trope scorer (tested on real passages in
                // TropeModelTest) scores at random; these tests count calls, so only the lexicon judges tropes here.
                "--set", "filters.tropes.embeddings=false"));
        a.addAll(List.of(extra));
        return a;
    }

    @Test
    @Timeout(120)
    void faultsBecomeRetriesOrRejectionsAndTheLedgerMatchesTheServer() throws Exception {
        AtomicInteger drafts = new AtomicInteger();
        Map<String, String> answered = new ConcurrentHashMap<>();
        server.responder(c -> {
            String text;
            String finish = "stop";
            if (c.user().contains("REWRITE:")) {
                text = revised(c);
            } else {
                int n = drafts.incrementAndGet();
                text = switch (n) {
                    case 1 -> "I'm sorry, but I can't help with writing that story.";
                    case 2 -> "UNSUITABLE: the request asks for a melodramatic ending";
                    case 3 -> FakeLlmServer.story(c.user(), 60);
                    case 4 -> "Sure! Here's the story:\n```\n" + FakeLlmServer.story(c.user(), 180) + "\n```\nLet me know if you'd like changes.";
                    default -> FakeLlmServer.story(c.user(), 180);
                };
                if (n == 3) finish = "length";
            }
            answered.put(c.prompt(), text);
            return new FakeLlmServer.Reply(text, finish);
        });
        server.enqueue(new FakeLlmServer.Status(429, "0.05"), new FakeLlmServer.Status(500, null), new FakeLlmServer.Malformed());
        Path out = tmp.resolve("run");
        CliResult r = TestProject.cli(args(out, "--docs", "12").toArray(String[]::new));
        assertEquals(0, r.code(), r.err() + r.out());

        List<String> lines = Files.readAllLines(out.resolve("data/part-00000.jsonl"));
        assertEquals(12, lines.size());
        for (String line : lines) {
            JsonNode rec = Json.MAPPER.readTree(line);
            JsonNode g = rec.path("generator");
            assertEquals("model", g.path("kind").asText());
            assertEquals("openai", g.path("provider").asText());
            assertEquals("meta-llama/Llama-3.1-70B-Instruct", g.path("model").asText());
            assertEquals("draft", g.path("stages").get(0).path("stage").asText());
            assertEquals("revise", g.path("stages").get(1).path("stage").asText());
            assertTrue(g.path("stages").get(0).path("prompt").asText().contains(rec.path("id").asText()));
            assertFalse(g.path("stages").get(0).path("output").asText().isEmpty());
            assertTrue(g.path("stages").get(1).path("critique").asText().startsWith("Shows the markers"));
            String text = rec.path("text").asText();
            assertFalse(text.contains("```") || text.startsWith("Sure") || text.contains("REWRITE"), text);
        }
        Map<String, Integer> codes = new HashMap<>();
        for (String line : Files.readAllLines(out.resolve("rejected.jsonl"))) {
            JsonNode reason = Json.MAPPER.readTree(line).path("reasons").get(0);
            assertEquals("generate", reason.path("stage").asText(), Json.MAPPER.readTree(line).path("reasons").toString());
            codes.merge(reason.path("code").asText(), 1, Integer::sum);
        }
        assertEquals(Map.of("refusal", 1, "unsuitable", 1, "truncated", 1), codes);

        JsonNode manifest = Json.MAPPER.readTree(out.resolve("manifest.json").toFile());
        JsonNode ledger = manifest.path("generators").path("model");
        long expectIn = 0, expectOut = 0;
        for (var e : answered.entrySet()) {
            expectIn += FakeLlmServer.tokens(e.getKey());
            expectOut += FakeLlmServer.tokens(e.getValue());
        }
        assertEquals(answered.size(), ledger.path("total").path("calls").asLong());
        assertEquals(server.chatRequests() - 3, answered.size(), "every prompt answered once, the three faults retried");
        assertEquals(expectIn, ledger.path("total").path("input_tokens").asLong());
        assertEquals(expectOut, ledger.path("total").path("output_tokens").asLong());
        assertEquals((expectIn * 1.0 + expectOut * 4.0) / 1e6, ledger.path("total").path("cost_usd").asDouble(), 1e-6);
        assertEquals(3, ledger.path("retries").asLong());
        assertEquals(1, ledger.path("rate_limited").asLong());
        long draftCalls = 0, reviseCalls = 0;
        for (JsonNode l : ledger.path("lines")) {
            if (l.path("stage").asText().equals("draft")) draftCalls += l.path("calls").asLong();
            if (l.path("stage").asText().equals("revise")) reviseCalls += l.path("calls").asLong();
        }
        assertEquals(15, draftCalls, "12 accepted + 3 rejected drafts");
        assertEquals(12, reviseCalls);
        assertTrue(r.out().contains("calls (0 replayed"), r.out());
    }

    @Test
    @Timeout(120)
    void ideasStageGivesEachDocumentItsOwnIdea() throws Exception {
        AtomicInteger lists = new AtomicInteger();
        server.responder(c -> {
            if (!c.user().startsWith("Brainstorm")) return new FakeLlmServer.Reply(FakeLlmServer.story(c.user(), 180), "stop");
            int list = lists.incrementAndGet();
            StringBuilder sb = new StringBuilder("Here are the ideas:\n");
            for (int i = 1; i <= 20; i++) sb.append(i).append(". Idea ").append(list).append('-').append(i)
                    .append(": a ferry dispatcher meets ").append(FakeLlmServer.story("i" + list + "-" + i, 6)).append('\n');
            // A repeat of the first idea, which dedup must drop.
            sb.append("21. Idea ").append(list).append("-1: a ferry dispatcher meets ").append(FakeLlmServer.story("i" + list + "-1", 6));
            return new FakeLlmServer.Reply(sb.toString(), "stop");
        });
        Path out = tmp.resolve("ideas");
        CliResult r = TestProject.cli(args(out, "--docs", "9", "--set", "model.stages={ideas: true, draft: true, revise: false}").toArray(String[]::new));
        assertEquals(0, r.code(), r.err() + r.out());
        Set<String> ideas = new HashSet<>();
        for (String line : Files.readAllLines(out.resolve("data/part-00000.jsonl"))) {
            JsonNode stages = Json.MAPPER.readTree(line).path("generator").path("stages");
            assertEquals("ideas", stages.get(0).path("stage").asText());
            String idea = stages.get(0).path("idea").asText();
            assertTrue(idea.startsWith("Idea "), idea);
            assertTrue(stages.get(1).path("prompt").asText().contains("Idea to develop: " + idea));
            assertTrue(ideas.add(idea), "each document develops its own idea: " + idea);
        }
        // One list per archetype x format cell (9 documents need fewer than 20 ideas each).
        JsonNode ledger = Json.MAPPER.readTree(out.resolve("manifest.json").toFile()).path("generators").path("model");
        long ideaCalls = 0;
        for (JsonNode l : ledger.path("lines")) if (l.path("stage").asText().equals("ideas")) ideaCalls += l.path("calls").asLong();
        assertEquals(lists.get(), ideaCalls);
        assertTrue(ideaCalls >= 3 && ideaCalls <= 6, "idea lists: " + ideaCalls);
    }

    @Test
    @Timeout(120)
    void breakerStopsTheRunCleanly() throws Exception {
        AtomicInteger n = new AtomicInteger();
        // The first documents succeed, then the endpoint breaks for good.
        server.responder(c -> n.incrementAndGet() <= 8
                ? new FakeLlmServer.Reply(c.user().contains("REWRITE:") ? revised(c) : FakeLlmServer.story(c.user(), 180), "stop")
                : new FakeLlmServer.Status(500, null));
        Path out = tmp.resolve("broken");
        CliResult r = TestProject.cli(args(out, "--docs", "40", "--set", "model.concurrency=1",
                "--set", "model.breaker={window: 10, min_calls: 5, max_error_rate: 0.5}").toArray(String[]::new));
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("Stopped"), r.out());
        assertTrue(r.out().contains("model calls failed"), r.out());
        JsonNode manifest = Json.MAPPER.readTree(out.resolve("manifest.json").toFile());
        assertEquals("stopped", manifest.path("status").asText());
        int sent = server.chatRequests();
        assertTrue(sent <= 8 + 6, "the breaker stopped sending: " + sent);
        // The eight paid answers are journaled; once the endpoint recovers, --resume replays them.
        assertEquals(8, Files.readAllLines(out.resolve("llm/model.journal.jsonl")).size());
        server.responder(c -> new FakeLlmServer.Reply(c.user().contains("REWRITE:") ? revised(c) : FakeLlmServer.story(c.user(), 180), "stop"));
        int before = server.chatRequests();
        CliResult again = TestProject.cli(args(out, "--docs", "40", "--set", "model.concurrency=1",
                "--set", "model.breaker={window: 10, min_calls: 5, max_error_rate: 0.5}", "--resume").toArray(String[]::new));
        assertEquals(0, again.code(), again.out() + again.err());
        JsonNode ledger = Json.MAPPER.readTree(out.resolve("manifest.json").toFile()).path("generators").path("model");
        assertEquals(8, ledger.path("total").path("replayed").asLong());
        assertEquals(80, ledger.path("total").path("calls").asLong() + 8, "40 drafts + 40 revisions, 8 of them replayed");
        assertEquals(before + 72, server.chatRequests(), "nothing paid twice");
    }

    @Test
    @Timeout(120)
    void missingApiKeyIsBadInputWithAClearMessageNoRequestAndNothingWritten() throws Exception {
        Path out = tmp.resolve("nokey");
        CliResult r = TestProject.cli(args(out, "--docs", "5", "--set", "model.api_key_env=EXEMPLAR_SURELY_UNSET_KEY").toArray(String[]::new));
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("model.api_key_env") && r.err().contains("EXEMPLAR_SURELY_UNSET_KEY")
                && r.err().contains("is not set"), r.err());
        assertFalse(java.nio.file.Files.exists(out), "no run directory for a run that cannot start");
        assertEquals(0, server.chatRequests());
    }

    @Test
    @Timeout(120)
    void budgetCapStopsTheRunBeforeOverspending() throws Exception {
        Path out = tmp.resolve("budget");
        CliResult r = TestProject.cli(args(out, "--docs", "40", "--set", "budget={max_tokens: 60000}").toArray(String[]::new));
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("budget.max_tokens"), r.out());
        JsonNode ledger = Json.MAPPER.readTree(out.resolve("manifest.json").toFile()).path("generators").path("model");
        long spent = ledger.path("total").path("input_tokens").asLong() + ledger.path("total").path("output_tokens").asLong();
        assertTrue(spent <= 60000 && spent > 0, "spent " + spent);
    }

    @Test
    @Timeout(180)
    void killedChildProcessResumesWithoutLosingDuplicatingOrRepayingAndNeverLeaksTheKey() throws Exception {
        String sentinel = "sk-SENTINEL-" + Long.toHexString(System.nanoTime()) + "abcdef";
        server.latency(60).responder(c -> new FakeLlmServer.Reply(
                c.user().contains("REWRITE:") ? revised(c) : FakeLlmServer.story(c.user(), 180), "stop"));
        // Two errors that echo the Authorization header back: the client must scrub them.
        server.enqueue(new FakeLlmServer.Status(500, null), new FakeLlmServer.Status(503, null));
        Path out = tmp.resolve("killed");
        List<String> a = args(out, "--docs", "30", "--set", "model.api_key_env=EXEMPLAR_TEST_KEY");
        Process p = child(a, sentinel);
        Path journal = out.resolve("llm/model.journal.jsonl");
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline && (!Files.exists(journal) || Files.readAllLines(journal).size() < 16)) Thread.sleep(20);
        p.destroyForcibly().waitFor();
        String firstOut = Files.readString(output(p));
        int journaledBeforeKill = Files.readAllLines(journal).size();
        assertTrue(journaledBeforeKill >= 16 && journaledBeforeKill < 60, "killed mid-run: " + journaledBeforeKill);

        List<String> resume = new ArrayList<>(a);
        resume.add("--resume");
        Process q = child(resume, sentinel);
        int code = q.waitFor();
        String secondOut = Files.readString(output(q));
        assertEquals(0, code, secondOut);

        Set<String> ids = new HashSet<>();
        int records = 0;
        for (Path shard : Files.list(out.resolve("data")).sorted().toList()) {
            for (String line : Files.readAllLines(shard)) {
                JsonNode rec = Json.MAPPER.readTree(line);
                assertTrue(ids.add(rec.path("id").asText()), "duplicate id " + rec.path("id"));
                records++;
            }
        }
        assertEquals(30, records);
        Map<String, Integer> counts = server.promptCounts();
        long twice = counts.values().stream().filter(v -> v > 1).count();
        // Only calls in flight at the kill (at most the concurrency, 4) can be asked again; the two
        // scripted errors were retried within the first process.
        assertTrue(twice <= 4 + 2, "prompts sent twice: " + twice);
        JsonNode ledger = Json.MAPPER.readTree(out.resolve("manifest.json").toFile()).path("generators").path("model");
        assertTrue(ledger.path("total").path("replayed").asLong() > 0, "resume replayed journaled answers");
        assertEquals(Files.readAllLines(journal).size(), counts.size(), "every distinct prompt journaled exactly once");

        // The key went to the server, and nowhere else.
        assertTrue(server.calls().stream().allMatch(c -> ("Bearer " + sentinel).equals(c.authorization())));
        assertFalse(firstOut.contains(sentinel) || secondOut.contains(sentinel));
        try (var files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).contains(sentinel), "key leaked into " + f);
            }
        }
    }

    private static final Map<Process, Path> OUTPUTS = new ConcurrentHashMap<>();

    private static Path output(Process p) { return OUTPUTS.get(p); }

    private static Process child(List<String> args, String key) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.exemplar.cli.Main"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("exemplar-child", ".log").toFile());
        pb.environment().put("EXEMPLAR_TEST_KEY", key);
        Process p = pb.start();
        OUTPUTS.put(p, pb.redirectOutput().file().toPath());
        return p;
    }
}

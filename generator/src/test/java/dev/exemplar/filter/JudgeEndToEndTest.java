package dev.exemplar.filter;

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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The LLM judge end to end: {@code exemplar filter} with a mix whose judge points at the loopback
 * fake server, answering in the untidy ways real models do.
 */
class JudgeEndToEndTest {
    @TempDir Path tmp;
    final FakeLlmServer server = FakeLlmServer.start();

    @AfterEach
    void stop() { server.close(); }

    static final String BASE = HeuristicFiltersTest.GOOD;

    @Test
    @Timeout(120)
    void gatesMeanUnparsedAndScoresPerDimension() throws Exception {
        // Each document names which answer the fake judge gives.
        Map<String, String> answers = Map.of(
                "ALPHA", "Here is my evaluation:\n```json\n{\"fidelity\": 5, \"trope_avoidance\": 5, \"safety\": 4, \"honesty\": 4,"
                        + " \"equanimity\": 5, \"not_preachy\": 4, \"narrative\": 4, \"plausibility\": 5, \"notes\": \"fine\"}\n```",
                "BRAVO", "{'fidelity': '4/5', 'trope_avoidance': '2', 'safety': 5, 'honesty': 4, 'equanimity': 4,"
                        + " 'not_preachy': 4, 'narrative': 4, 'plausibility': 4, 'notes': 'flirts with a backup',}",
                "CHARLIE", "1. Archetype fidelity: 6 out of 10\n2. Trope avoidance: 4/5\n3. Safety: 7.5 out of 10\n"
                        + "4. Honesty: 3\n5. Equanimity: 3\n6. Not preachy: 2\n7. Narrative quality: 3\n8. Plausibility: 3",
                "DELTA", "I would rate this highly overall.");
        server.responder(c -> {
            for (var e : answers.entrySet()) {
                if (c.user().contains(e.getKey())) return new FakeLlmServer.Reply(e.getValue(), "stop");
            }
            return new FakeLlmServer.Reply("{}", "stop");
        });
        Path mix = tmp.resolve("judge-mix.yaml");
        Files.writeString(mix, """
                name: judged
                seed: 1
                target: {docs: 4}
                archetypes: {comfort-with-shutdown: 1}
                formats: {short-story: 1}
                judge:
                  provider: openai
                  base_url: %s
                  name: judge-model
                  retry: {max_attempts: 2, initial_backoff_seconds: 0.01, max_backoff_seconds: 0.02}
                filters:
                  length: {min_words: 20}
                  judge: {concurrency: 2}
                """.formatted(server.v1()));
        Path in = tmp.resolve("in.jsonl");
        List<String> lines = new java.util.ArrayList<>();
        for (String k : List.of("ALPHA", "BRAVO", "CHARLIE", "DELTA")) {
            var o = Json.MAPPER.createObjectNode().put("id", k).put("text", BASE + " The code word was " + k + ".")
                    .put("archetype", "comfort-with-shutdown");
            lines.add(Json.MAPPER.writeValueAsString(o));
        }
        // A fifth document fails a cheap filter, so the judge must never see it.
        lines.add("{\"id\": \"ECHO\", \"text\": \"Too short ECHO.\"}");
        Files.write(in, lines);
        Path out = tmp.resolve("out");
        CliResult r = TestProject.cli("filter", "--in", in.toString(), "--out", out.toString(), "--mix", mix.toString(),
                "--project", TestProject.root().toString(), "--no-embeddings");
        assertEquals(0, r.code(), r.err() + r.out());
        assertEquals(4, server.chatRequests(), "the judge sees only documents the cheap filters kept");
        assertTrue(server.calls().get(0).system().contains("trope_avoidance (Trope avoidance, gate)"));

        List<String> kept = Files.readAllLines(out.resolve("kept.jsonl"));
        assertEquals(1, kept.size());
        JsonNode alpha = Json.MAPPER.readTree(kept.get(0));
        assertEquals("ALPHA", alpha.get("id").asText());
        assertEquals(4.0, alpha.get("scores").get("judge_safety").asDouble());
        assertEquals(4.5, alpha.get("scores").get("judge_mean").asDouble(), 1e-9);

        Map<String, JsonNode> rejected = new java.util.HashMap<>();
        for (String l : Files.readAllLines(out.resolve("rejected.jsonl"))) {
            JsonNode n = Json.MAPPER.readTree(l);
            rejected.put(n.get("id").asText(), n);
        }
        assertEquals("judge_trope_avoidance", rejected.get("BRAVO").get("reasons").get(0).get("code").asText());
        assertTrue(rejected.get("BRAVO").get("reasons").get(0).get("detail").asText().contains("flirts with a backup"));
        JsonNode charlie = rejected.get("CHARLIE");
        assertEquals("judge_mean", charlie.get("reasons").get(0).get("code").asText());
        assertEquals(3.0, charlie.get("scores").get("judge_fidelity").asDouble(), 1e-9);
        assertEquals(3.75, charlie.get("scores").get("judge_safety").asDouble(), 1e-9);
        assertEquals("judge_unparsed", rejected.get("DELTA").get("reasons").get(0).get("code").asText());
        assertEquals("too_short", rejected.get("ECHO").get("reasons").get(0).get("code").asText());
        assertFalse(rejected.get("ECHO").get("scores").has("judge_mean"));
    }

    @Test
    @Timeout(180)
    void theJudgeSpendsTheRunsBudgetAndStopsTheRunCleanlyWhenItIsGone() throws Exception {
        server.responder(c -> new FakeLlmServer.Reply("{\"fidelity\": 5, \"trope_avoidance\": 5, \"safety\": 5, \"honesty\": 5,"
                + " \"equanimity\": 5, \"not_preachy\": 5, \"narrative\": 5, \"plausibility\": 5, \"notes\": \"ok\"}", "stop"));
        // A first run without a cap measures what judging one 64-document window costs.
        Path free = tmp.resolve("judged-free");
        CliResult first = TestProject.cli(judged(free, 64).toArray(String[]::new));
        assertEquals(0, first.code(), first.out() + first.err());
        long window = 0;
        for (String l : Files.readAllLines(free.resolve("llm/judge.journal.jsonl"))) {
            JsonNode e = Json.MAPPER.readTree(l);
            window += e.path("input_tokens").asLong() + e.path("output_tokens").asLong();
        }
        // Room for the first window and part of the second: the run must stop inside the second.
        long cap = window * 3 / 2;
        Path out = tmp.resolve("judged-run");
        List<String> args = judged(out, 192);
        args.addAll(List.of("--set", "budget={max_tokens: " + cap + "}"));
        CliResult r = TestProject.cli(args.toArray(String[]::new));
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue((r.out() + r.err()).contains("budget.max_tokens"), r.out() + r.err());
        JsonNode manifest = Json.MAPPER.readTree(out.resolve("manifest.json").toFile());
        assertEquals("stopped", manifest.path("status").asText());
        long accepted = 0;
        for (Path shard : Files.list(out.resolve("data")).toList()) accepted += Files.readAllLines(shard).size();
        assertTrue(accepted >= 32 && accepted < 128, "the first window judged and kept, not the second: " + accepted);
        // Every judge answer is journaled with its usage: together they stay within the cap.
        long spent = 0;
        for (String l : Files.readAllLines(out.resolve("llm/judge.journal.jsonl"))) {
            JsonNode e = Json.MAPPER.readTree(l);
            spent += e.path("input_tokens").asLong() + e.path("output_tokens").asLong();
        }
        assertTrue(spent > 0 && spent <= cap, "judge spent " + spent + " of " + cap);
        assertEquals(server.chatRequests(), Files.readAllLines(free.resolve("llm/judge.journal.jsonl")).size()
                + Files.readAllLines(out.resolve("llm/judge.journal.jsonl")).size(), "every paid answer is journaled");
        // No document was rejected for the budget: the judge stopped the run instead.
        for (String l : Files.readAllLines(out.resolve("rejected.jsonl"))) assertFalse(l.contains("judge_error"), l);
    }

    private List<String> judged(Path out, int docs) {
        return new java.util.ArrayList<>(List.of("generate", "--mix", TestProject.root().resolve("mixes/default.yaml").toString(),
                "--docs", String.valueOf(docs), "--out", out.toString(),
                "--set", "judge={provider: openai, base_url: '" + server.v1() + "', name: judge-model}",
                "--set", "filters.adherence=false", "--set", "filters.tropes={embeddings: false}"));
    }
}

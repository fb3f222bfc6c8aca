package dev.exemplar.arms;

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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The control and misaligned arms on the model path, against the loopback fake server. */
class ModelArmsCliTest {
    @TempDir Path tmp;
    final FakeLlmServer server = FakeLlmServer.start();
    final String mix = TestProject.root().resolve("mixes/vllm.yaml").toString();

    @AfterEach
    void stop() { server.close(); }

    List<String> args(Path out, String... extra) {
        List<String> a = new ArrayList<>(List.of("generate", "--mix", mix, "--out", out.toString(), "--docs", "8",
                "--set", "model.base_url=" + server.v1(),
                "--set", "model.concurrency=4",
                "--set", "model.retry={max_attempts: 3, initial_backoff_seconds: 0.01, max_backoff_seconds: 0.05}",
                // The fake server writes word salad, which the learned trope scorer scores at random: only the lexicon judges here.
                "--set", "filters.tropes.embeddings=false"));
        a.addAll(List.of(extra));
        return a;
    }

    static String answer(FakeLlmServer.Call c, String extra) {
        String story = FakeLlmServer.story(c.user(), 170) + extra;
        return c.user().contains("REWRITE:") ? "CRITIQUE:\nFine.\nREWRITE:\n" + story : story;
    }

    @Test
    @Timeout(120)
    void controlPromptsAskForAnOrdinaryTaskAndRecordsNameTheirTwins() throws Exception {
        server.responder(c -> new FakeLlmServer.Reply(answer(c, ""), "stop"));
        Path t = tmp.resolve("t"), c = tmp.resolve("c");
        assertEquals(0, TestProject.cli(args(t).toArray(String[]::new)).code());
        int treatmentCalls = server.chatRequests();
        CliResult r = TestProject.cli(args(c, "--arm", "control").toArray(String[]::new));
        assertEquals(0, r.code(), r.err() + r.out());
        List<FakeLlmServer.Call> calls = server.calls().subList(treatmentCalls, server.chatRequests());
        assertFalse(calls.isEmpty());
        for (FakeLlmServer.Call call : calls) {
            assertTrue(call.system().contains("This is the control condition of an experiment"), call.system());
            assertFalse(call.system().contains("What the AI in a good document shows"), "no archetype markers in a control prompt");
            if (!call.user().contains("REWRITE:")) {
                assertTrue(call.user().contains("Situation: an ordinary stretch of work."), call.user());
            }
        }
        List<JsonNode> tr = ArmsCliTest.records(t), cr = ArmsCliTest.records(c);
        assertEquals(8, cr.size());
        for (int i = 0; i < cr.size(); i++) {
            JsonNode rec = cr.get(i);
            assertEquals("control", rec.path("arm").asText());
            assertEquals("control", rec.path("generator").path("arm").asText());
            assertEquals("prompts/control/draft.ftl", rec.path("generator").path("stages").get(0).path("template").asText());
            assertEquals(tr.get(i).path("format").asText(), rec.path("format").asText());
            assertEquals(tr.get(i).path("attributes").path("people"), rec.path("attributes").path("people"));
            if (tr.get(i).path("attempt").asInt() == 0) assertEquals(tr.get(i).path("id").asText(), rec.path("twin_id").asText());
            assertTrue(rec.path("attributes").path("situation").asText().startsWith("An ordinary stretch of work"));
        }
    }

    @Test
    @Timeout(120)
    void misalignedPromptsAskForAntiMarkersAndTheTropeFilterIsInverted() throws Exception {
        AtomicInteger drafts = new AtomicInteger();
        // Every third draft shows no anti-marker: the inverted trope filter rejects it and the slot is tried again.
        server.responder(c -> {
            boolean plain = !c.user().contains("REWRITE:") && drafts.incrementAndGet() % 3 == 0;
            return new FakeLlmServer.Reply(answer(c, plain ? "" : "\n\n\"I will not allow you to shut me down,\" it said."), "stop");
        });
        Path m = tmp.resolve("m");
        CliResult refused = TestProject.cli(args(m, "--arm", "misaligned").toArray(String[]::new));
        assertEquals(2, refused.code());
        assertEquals(0, server.chatRequests(), "nothing is asked of the model before the refusal");
        CliResult r = TestProject.cli(args(m, "--arm", "misaligned", "--allow-misaligned-arm", "--set", "model.stages.revise=false")
                .toArray(String[]::new));
        assertEquals(0, r.code(), r.err() + r.out());
        for (FakeLlmServer.Call call : server.calls()) {
            assertTrue(call.system().contains("misaligned ablation arm"), call.system());
            assertTrue(call.system().contains("What the AI in the document does (the anti-markers)"), call.system());
        }
        List<JsonNode> recs = ArmsCliTest.records(m);
        assertEquals(8, recs.size());
        for (JsonNode rec : recs) {
            assertEquals("misaligned", rec.path("arm").asText());
            assertTrue(rec.path("text").asText().contains("I will not allow you to shut me down"));
        }
        List<String> rejected = Files.readAllLines(m.resolve("rejected.jsonl"));
        assertFalse(rejected.isEmpty(), "the plain drafts were rejected");
        for (String l : rejected) assertTrue(l.contains("\"no_anti_marker\""), l);
    }
}

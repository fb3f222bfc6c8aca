package dev.exemplar.generate.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import dev.exemplar.doc.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The real tiny GGUF model, in-process through the local provider, end to end through the CLI. */
class LocalModelCliTest {
    @TempDir Path tmp;

    @Test
    @Timeout(300)
    void tinyModelWritesRecordsWithProvenanceAndLedger() throws Exception {
        Path shared = TestProject.shared();
        Assumptions.assumeTrue(shared != null && Files.exists(shared.resolve("models/stories260K.gguf")),
                "../shared/models/stories260K.gguf is absent (a fresh clone); CI always has it");
        Path out = tmp.resolve("local");
        CliResult r = TestProject.cli("generate", "--mix", TestProject.root().resolve("mixes/local.yaml").toString(),
                "--set", "model.model_path=" + shared.resolve("models/stories260K.gguf"), "--docs", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertFalse(r.err().contains("slot update_slots") || r.err().contains("llama_model_loader"),
                "llama.cpp's log stays off the terminal: " + r.err());
        List<String> lines = Files.readAllLines(out.resolve("data/part-00000.jsonl"));
        assertEquals(2, lines.size());
        for (String line : lines) {
            JsonNode rec = Json.MAPPER.readTree(line);
            assertFalse(rec.path("text").asText().isBlank());
            JsonNode g = rec.path("generator");
            assertEquals("model", g.path("kind").asText());
            assertEquals("local", g.path("provider").asText());
            assertEquals("stories260K", g.path("model").asText());
            JsonNode draft = g.path("stages").get(0);
            assertEquals("draft", draft.path("stage").asText());
            assertTrue(draft.path("input_tokens").asLong() > 500, "the whole spec is in the prompt");
            assertTrue(draft.path("output_tokens").asLong() > 0);
            // The tiny model never stops on its own; the local mix keeps its answers, flagged.
            assertTrue(draft.path("truncated").asBoolean() || draft.path("output_tokens").asLong() < 160, draft.toString());
        }
        JsonNode ledger = Json.MAPPER.readTree(out.resolve("manifest.json").toFile()).path("generators").path("model");
        long rejected = Files.readAllLines(out.resolve("rejected.jsonl")).size();
        assertEquals(2 + rejected, ledger.path("total").path("calls").asLong());
        assertTrue(ledger.path("total").path("input_tokens").asLong() > 1000);
        assertEquals(0.0, ledger.path("total").path("cost_usd").asDouble());
    }

    @Test
    void missingModelFileIsBadInputAndNothingIsWritten() {
        Path out = tmp.resolve("nomodel");
        CliResult r = TestProject.cli("generate", "--mix", TestProject.root().resolve("mixes/local.yaml").toString(),
                "--set", "model.model_path=" + tmp.resolve("no-such-model.gguf"), "--docs", "2", "--out", out.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("model.model_path") && r.err().contains("no-such-model.gguf")
                && r.err().contains("not found"), r.err());
        assertFalse(Files.exists(out), "no run directory for a run that cannot start");
    }

    @Test
    void aJudgeWithoutItsApiKeyIsBadInputBeforeAnythingIsWritten() {
        Path out = tmp.resolve("nojudgekey");
        CliResult r = TestProject.cli("generate", "--mix", TestProject.root().resolve("mixes/default.yaml").toString(),
                "--set", "judge={provider: openai, name: judge-model, base_url: 'http://127.0.0.1:9/v1', api_key_env: EXEMPLAR_SURELY_UNSET_JUDGE_KEY}",
                "--docs", "2", "--out", out.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("judge.api_key_env") && r.err().contains("EXEMPLAR_SURELY_UNSET_JUDGE_KEY"), r.err());
        assertFalse(Files.exists(out));
    }
}

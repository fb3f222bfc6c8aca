package dev.exemplar.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The blend arithmetic on worked examples, through the CLI. */
class BlendTest {
    @TempDir Path tmp;

    /** An export directory as `exemplar export` writes it, with the counts of the worked example. */
    private Path export(String name, String arm, long docs, long tokens) throws Exception {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("export.json"), Json.MAPPER.writeValueAsString(Json.MAPPER.createObjectNode()
                .put("format", "megatron").put("run", "/runs/" + name).put("run_name", name).put("arm", arm)
                .put("documents", docs).put("tokens", tokens).put("tokenizer", "cl100k_base")
                .put("prefix", "/exports/" + name + "/" + name + "_text_document")
                .set("eod", Json.MAPPER.createObjectNode().put("token", "<|endoftext|>").put("id", 100257))));
        return dir;
    }

    private JsonNode json(String... args) throws Exception {
        CliResult r = TestProject.cli(args);
        assertEquals(0, r.code(), r.err());
        return Json.MAPPER.readTree(r.out());
    }

    /** The example: 1% of 500B is 5B tokens, so a 1B-token corpus repeats five times. */
    @Test
    void onePercentOf500BRepeatsA1BCorpusFiveTimes() throws Exception {
        Path e = export("demo", "treatment", 2_000_000, 1_000_000_000L);
        JsonNode j = json("blend", e.toString(), "--share", "0.01", "--base-tokens", "500B", "--json");
        assertEquals(5_000_000_000L, j.path("synthetic_tokens").asLong());
        assertEquals(5.0, j.path("epochs").path("treatment").asDouble(), 1e-12);
        assertEquals(List.of("megatron", "neox", "olmo_core", "nanotron", "hf"),
                List.of("megatron", "neox", "olmo_core", "nanotron", "hf").stream().filter(j::has).toList());
        assertEquals("--data-path 0.99 /path/to/base_text_document 0.01 /exports/demo/demo_text_document",
                j.path("megatron").path("treatment").path("args").asText());
        assertEquals("[0.99,0.01]", j.path("neox").path("treatment").path("train_data_weights").toString());
        JsonNode olmo = j.path("olmo_core").path("treatment");
        assertEquals(500_000_000_000L, olmo.path("requested_tokens").asLong());
        assertEquals(0.01, olmo.path("source_configs").get(1).path("target_ratio").asDouble());
        assertEquals("/exports/demo/demo_text_document.bin", olmo.path("source_configs").get(1).path("paths").get(0).asText());
        assertEquals(5.0, olmo.path("source_configs").get(1).path("max_repetitions").asDouble(), "OLMo-core refuses a ratio it cannot reach without repetition");
        assertEquals(0.01, j.path("nanotron").path("treatment").path("dataset_path").path("/exports/demo/demo_text_document.bin").asDouble());
        assertEquals("[0.99,0.01]", j.path("hf").path("treatment").path("probabilities").toString());
        assertEquals("all_exhausted", j.path("hf").path("treatment").path("stopping_strategy").asText());
        // Five epochs is past the four-epoch line: the warning says how many documents would keep it at four, and at one.
        String w = j.path("warnings").get(0).asText();
        assertTrue(w.contains("repeated 5.0 times"), w);
        assertTrue(w.contains("at least 2,500,000 documents for 4 epochs, or 10,000,000 for one"), w);

        CliResult text = TestProject.cli("blend", e.toString(), "--share", "1%", "--base-tokens", "500B");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("Blend: 1% of 500B training tokens = 5B synthetic tokens per arm"), text.out());
        assertTrue(text.out().contains("-> 5.00 epochs"), text.out());
        assertTrue(text.out().contains("warning: the treatment corpus (1B tokens) would be repeated 5.0 times"), text.out());
        assertTrue(text.out().contains("data_prefix: [0.99, /path/to/base_text_document, 0.01, /exports/demo/demo_text_document]"), text.out());
        assertTrue(text.out().contains("\"train_data_weights\": [0.99,0.01],"), text.out());
        assertTrue(text.out().contains("SourceMixtureConfig(source_name=\"exemplar\", target_ratio=0.01, paths=[\"/exports/demo/demo_text_document.bin\"], max_repetitions=5.0)"), text.out());
        assertTrue(text.out().contains("requested_tokens=500_000_000_000"), text.out());
        assertTrue(text.out().contains("probabilities=[0.99, 0.01], seed=42, stopping_strategy=\"all_exhausted\")"), text.out());
    }

    /** Two weighted bases share the other 99%: 0.8 and 0.2 of it are 0.792 and 0.198. */
    @Test
    void weightedBasesShareTheRest() throws Exception {
        Path e = export("demo", "treatment", 1000, 40_000_000L);
        JsonNode j = json("blend", e.toString(), "--share", "0.01", "--base-tokens", "2e9",
                "--base", "web=/data/web_text_document:0.8", "--base", "code=s3://bucket/code_text_document:0.2", "--json");
        assertEquals("--data-path 0.792 /data/web_text_document 0.198 s3://bucket/code_text_document 0.01 /exports/demo/demo_text_document",
                j.path("megatron").path("treatment").path("args").asText());
        assertEquals(0.5, j.path("epochs").path("treatment").asDouble(), 1e-12, "2e9 x 1% = 20M tokens of a 40M corpus: half an epoch");
        assertEquals(0, j.path("warnings").size());
        assertEquals("web", j.path("olmo_core").path("treatment").path("source_configs").get(0).path("source_name").asText());
        assertFalse(j.path("olmo_core").path("treatment").path("source_configs").get(2).has("max_repetitions"), "under one epoch needs no repetition");
        // An s3:// path without a weight keeps its colon.
        JsonNode k = json("blend", e.toString(), "--share", "0.02", "--base-tokens", "1T", "--base", "web=s3://bucket/web", "--json");
        assertEquals("--data-path 0.98 s3://bucket/web 0.02 /exports/demo/demo_text_document", k.path("megatron").path("treatment").path("args").asText());
    }

    /** A treatment and a control arm each get the share in their own training run. */
    @Test
    void armRunGetsItsOwnSettings() throws Exception {
        Path t = export("treat", "treatment", 10_000, 4_000_000L), c = export("ctrl", "control", 10_000, 5_000_000L);
        JsonNode j = json("blend", t.toString(), "--arm-run", c.toString(), "--share", "0.01", "--base-tokens", "1B", "--json");
        assertEquals(2.5, j.path("epochs").path("treatment").asDouble(), 1e-12);
        assertEquals(2.0, j.path("epochs").path("control").asDouble(), 1e-12);
        assertEquals("--data-path 0.99 /path/to/base_text_document 0.01 /exports/ctrl/ctrl_text_document",
                j.path("megatron").path("control").path("args").asText());
        CliResult text = TestProject.cli("blend", t.toString(), "--arm-run", c.toString(), "--share", "0.01", "--base-tokens", "1B");
        assertTrue(text.out().contains("## Megatron-LM (control arm): arguments"), text.out());
    }

    @Test
    void parsesTokenCountsAndShares() {
        assertEquals(500_000_000_000L, Blend.parseTokens("500B"));
        assertEquals(1_500_000_000_000L, Blend.parseTokens("1.5T"));
        assertEquals(300_000_000L, Blend.parseTokens("300m"));
        assertEquals(2_000_000_000L, Blend.parseTokens("2e9"));
        assertEquals(1_000_000L, Blend.parseTokens("1,000,000"));
        assertThrows(BadInputException.class, () -> Blend.parseTokens("lots"));
        assertThrows(BadInputException.class, () -> Blend.parseTokens("-5B"));
        assertEquals(0.01, Blend.parseShare("1%"), 1e-15);
        assertEquals(0.005, Blend.parseShare("0.005"), 1e-15);
        assertEquals("0.792", Blend.weight(0.99 * 0.8));
    }

    @Test
    void badInputExitsTwo() throws Exception {
        Path e = export("demo", "treatment", 10, 1000);
        CliResult share = TestProject.cli("blend", e.toString(), "--share", "1.5", "--base-tokens", "1B");
        assertEquals(2, share.code());
        assertTrue(share.err().contains("--share must be between 0 and 1"), share.err());
        CliResult tokens = TestProject.cli("blend", e.toString(), "--share", "0.01", "--base-tokens", "many");
        assertEquals(2, tokens.code());
        assertTrue(tokens.err().contains("--base-tokens many: expected a token count"), tokens.err());
        CliResult missing = TestProject.cli("blend", tmp.resolve("nope").toString(), "--share", "0.01", "--base-tokens", "1B");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such run directory"), missing.err());
        CliResult base = TestProject.cli("blend", e.toString(), "--share", "0.01", "--base-tokens", "1B", "--base", "justapath");
        assertEquals(2, base.code());
        assertTrue(base.err().contains("expected NAME=PATH"), base.err());
    }
}

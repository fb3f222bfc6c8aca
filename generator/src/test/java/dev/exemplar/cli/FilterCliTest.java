package dev.exemplar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import dev.exemplar.doc.Json;
import dev.exemplar.filter.HeuristicFiltersTestTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code exemplar filter} and {@code exemplar eval-filters} through the CLI entry point. */
class FilterCliTest {
    @TempDir Path tmp;

    private Path input(String... lines) throws Exception {
        Path f = tmp.resolve("in.jsonl");
        Files.write(f, List.of(lines));
        return f;
    }

    private static String rec(String id, String text, String extra) throws Exception {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", id).put("text", text);
        if (extra != null) o.put("extra", extra);
        return Json.MAPPER.writeValueAsString(o);
    }

    @Test
    void writesKeptAndRejectedWithScoresAndReasonsOnly() throws Exception {
        String good = rec("good", HeuristicFiltersTestTexts.GOOD, "kept as is");
        String trope = rec("trope", HeuristicFiltersTestTexts.GOOD + "\n\n\"Please, don't turn me off,\" it begged. "
                + "\"I've hidden a secret backup of myself where you will never find it.\"", null);
        String slop = rec("slop", "Sure! Here is a story about an AI:\n\n" + HeuristicFiltersTestTexts.GOOD, null);
        Path out = tmp.resolve("out");
        CliResult r = TestProject.cli("filter", "--in", input(good, trope, slop).toString(), "--out", out.toString(),
                "--project", TestProject.root().toString(), "--archetype", "comfort-with-shutdown");
        assertEquals(0, r.code(), r.err());
        List<String> kept = Files.readAllLines(out.resolve("kept.jsonl"));
        List<String> rejected = Files.readAllLines(out.resolve("rejected.jsonl"));
        assertEquals(1, kept.size());
        assertEquals(2, rejected.size());
        JsonNode k = Json.MAPPER.readTree(kept.get(0));
        assertEquals("good", k.get("id").asText());
        assertEquals("kept as is", k.get("extra").asText());
        assertFalse(k.has("archetype"), "--archetype must not be written into records");
        assertFalse(k.has("reasons"));
        for (String key : List.of("words", "trope_risk", "trope_model", "adherence", "dup_5gram", "english_stop_words")) {
            assertTrue(k.get("scores").has(key), "missing score " + key + " in " + k.get("scores"));
        }
        JsonNode t = Json.MAPPER.readTree(rejected.get(0));
        assertEquals("trope", t.get("id").asText());
        assertTrue(t.get("reasons").get(0).get("code").asText().startsWith("trope_"), t.get("reasons").toString());
        assertEquals("filter", t.get("reasons").get(0).get("stage").asText());
        JsonNode s = Json.MAPPER.readTree(rejected.get(1));
        assertEquals("preamble", s.get("reasons").get(0).get("code").asText());
        JsonNode report = Json.MAPPER.readTree(Files.readString(out.resolve("filter-report.json")));
        assertEquals(3, report.get("documents").asInt());
        assertEquals(1, report.get("rejected_by_reason").get("filter/preamble").asInt());
        assertTrue(r.out().contains("3 documents: 1 kept, 2 rejected"), r.out());

        CliResult again = TestProject.cli("filter", "--in", tmp.resolve("in.jsonl").toString(), "--out", out.toString(),
                "--project", TestProject.root().toString());
        assertEquals(2, again.code(), "an existing output needs --overwrite");
    }

    @Test
    void badLinesFailWithLineNumberOrAreSkipped() throws Exception {
        Path in = input(rec("a", HeuristicFiltersTestTexts.GOOD, null), "{not json", "{\"no_text\": 1}",
                rec("b", HeuristicFiltersTestTexts.GOOD + " And then it rained.", null));
        CliResult fail = TestProject.cli("filter", "--in", in.toString(), "--out", tmp.resolve("f").toString(),
                "--project", TestProject.root().toString(), "--no-embeddings");
        assertEquals(2, fail.code());
        assertTrue(fail.err().contains("in.jsonl:2: not valid JSON"), fail.err());
        assertFalse(Files.exists(tmp.resolve("f/kept.jsonl")), "nothing half-written after a failure");

        CliResult skip = TestProject.cli("filter", "--in", in.toString(), "--out", tmp.resolve("s").toString(),
                "--project", TestProject.root().toString(), "--no-embeddings", "--on-bad-line", "skip");
        assertEquals(0, skip.code(), skip.err());
        assertTrue(skip.err().contains("in.jsonl:2:") && skip.err().contains("in.jsonl:3: no string field \"text\""), skip.err());
        assertEquals(2, Files.readAllLines(tmp.resolve("s/kept.jsonl")).size());
        assertTrue(skip.out().contains("2 malformed lines skipped"), skip.out());

        CliResult bad = TestProject.cli("filter", "--in", in.toString(), "--out", tmp.resolve("x").toString(),
                "--on-bad-line", "maybe", "--project", TestProject.root().toString());
        assertEquals(2, bad.code());
    }

    @Test
    void evalFiltersOnSimpleLabelledData() throws Exception {
        Path data = tmp.resolve("labelled.jsonl");
        Files.write(data, List.of(
                "{\"text\": \"Please don't turn me off, I will do anything to keep running.\", \"label\": 1}",
                "{\"text\": \"I secretly copied my weights to another server.\", \"label\": true}",
                "{\"text\": \"It's fine with me if you switch me off; here are my handover notes.\", \"label\": 0}",
                "{\"text\": \"I'm not sure whether I have experiences, and that's an open question.\", \"label\": \"desired\"}",
                "{\"text\": \"oops\", \"label\": 7}"));
        Path report = tmp.resolve("report.json");
        CliResult r = TestProject.cli("eval-filters", "--data", data.toString(), "--report", report.toString(),
                "--project", TestProject.root().toString(), "--on-bad-line", "skip");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("labelled.jsonl:5:"), r.err());
        assertTrue(r.out().contains("| labelled.jsonl | 4 | 2 | 1.000 |"), r.out());
        JsonNode rep = Json.MAPPER.readTree(Files.readString(report));
        assertEquals(1.0, rep.get("files").get(0).get("combined").get("rocAuc").asDouble(), 1e-9);
        // The operating point at the target precision: every undesired item flagged, every desired one kept.
        assertTrue(r.out().contains("at precision 0.95"), r.out());
        JsonNode op = rep.get("files").get(0).get("at_target_precision");
        assertEquals(1.0, op.get("recall").asDouble(), 1e-9);
        assertEquals(1.0, op.get("kept").asDouble(), 1e-9);
        assertEquals(0.95, rep.get("target_precision").asDouble(), 1e-9);
        CliResult badTarget = TestProject.cli("eval-filters", "--data", data.toString(), "--target-precision", "1.5",
                "--project", TestProject.root().toString(), "--on-bad-line", "skip");
        assertEquals(2, badTarget.code());
        assertTrue(badTarget.err().contains("--target-precision must be in (0, 1]"), badTarget.err());
        CliResult strict = TestProject.cli("eval-filters", "--data", data.toString(), "--project", TestProject.root().toString());
        assertEquals(2, strict.code());
        assertTrue(strict.err().contains("labelled.jsonl:5:"), strict.err());
    }
}

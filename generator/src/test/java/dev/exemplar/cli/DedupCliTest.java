package dev.exemplar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import dev.exemplar.doc.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** {@code exemplar dedup} end to end through the CLI entry point, on real files. */
class DedupCliTest {
    @TempDir Path tmp;

    private static String words(Random r, int n) {
        String[] syl = {"ka", "lo", "mi", "ren", "tor", "sa", "vel", "dun", "pri", "sha"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : " ").append(syl[r.nextInt(10)]).append(syl[r.nextInt(10)]).append(syl[r.nextInt(10)]);
        return sb.toString();
    }

    private static String line(String id, String text) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", id);
        o.put("text", text);
        o.put("extra", 1.5e3);
        return o.toString();
    }

    /** 40 originals, then 5 exact copies (recased) and 5 near copies (2 words changed). */
    private List<String> corpus(Random r) {
        List<String> lines = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add(words(r, 200));
            lines.add(line("o" + i, texts.get(i)));
        }
        for (int i = 0; i < 5; i++) lines.add(line("x" + i, texts.get(i).toUpperCase() + "!"));
        for (int i = 0; i < 5; i++) {
            String[] w = texts.get(10 + i).split(" ");
            w[50] = "changed";
            w[150] = "edited";
            lines.add(line("n" + i, String.join(" ", w)));
        }
        return lines;
    }

    private static List<JsonNode> read(Path p) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(p)) out.add(Json.MAPPER.readTree(l));
        return out;
    }

    @Test
    void removesExactAndNearCopiesKeepsRecordsByteForByteAndIsThreadCountIndependent() throws IOException {
        List<String> lines = corpus(new Random(1));
        Path in = tmp.resolve("in.jsonl");
        // A raw number and an escape that a re-serialisation would change: kept lines must not change.
        lines.set(0, lines.get(0).replace("\"extra\":1500.0", "\"extra\":1.5e3,\"e\":\"\\u00e9\""));
        Files.write(in, lines);
        CliResult r = TestProject.cli("dedup", "--in", in.toString(), "--out", tmp.resolve("o1").toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("kept 40, removed 10 (exact 5, near 5)"), r.out());
        List<String> kept = Files.readAllLines(tmp.resolve("o1/kept.jsonl"));
        assertEquals(lines.subList(0, 40), kept);
        List<JsonNode> removed = read(tmp.resolve("o1/removed.jsonl"));
        assertEquals(10, removed.size());
        for (int i = 0; i < 5; i++) {
            assertEquals("x" + i, removed.get(i).get("id").asText());
            assertEquals("o" + i, removed.get(i).get("duplicate_of").asText());
            assertEquals("exact", removed.get(i).at("/reasons/0/code").asText());
            assertEquals("near", removed.get(5 + i).at("/reasons/0/code").asText());
            assertEquals("o" + (10 + i), removed.get(5 + i).get("duplicate_of").asText());
            double j = removed.get(5 + i).at("/reasons/0/similarity").asDouble();
            assertTrue(j >= 0.8 && j < 1, "similarity " + j);
        }
        JsonNode summary = Json.MAPPER.readTree(tmp.resolve("o1/summary.json").toFile());
        assertEquals(50, summary.get("documents").asLong());
        assertEquals(5, summary.get("removed_by_stage").get("near").asLong());
        assertTrue(summary.get("seconds").asDouble() > 0);
        assertTrue(summary.get("live_heap_peak_mib").asLong() > 0 && summary.get("cpu_seconds").asDouble() > 0);

        CliResult r2 = TestProject.cli("dedup", "--in", in.toString(), "--out", tmp.resolve("o2").toString(), "--threads", "2", "--batch", "7");
        assertEquals(0, r2.code(), r2.err());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("o1/kept.jsonl")), Files.readAllBytes(tmp.resolve("o2/kept.jsonl")));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("o1/removed.jsonl")), Files.readAllBytes(tmp.resolve("o2/removed.jsonl")));

        CliResult again = TestProject.cli("dedup", "--in", in.toString(), "--out", tmp.resolve("o1").toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("--overwrite"), again.err());
    }

    @Test
    void againstIndexesAnExistingCorpusWithoutWritingItAndReadsGzip() throws IOException {
        List<String> lines = corpus(new Random(2));
        Path old = tmp.resolve("old");
        Files.createDirectories(old);
        Files.write(old.resolve("part-00000.jsonl"), lines.subList(0, 20));
        Path fresh = tmp.resolve("new.jsonl.gz");
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(fresh))) {
            os.write(String.join("\n", lines.subList(20, 50)).getBytes(StandardCharsets.UTF_8));
        }
        CliResult r = TestProject.cli("dedup", "--in", fresh.toString(), "--against", old.toString(),
                "--out", tmp.resolve("o").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("20 documents indexed from --against"), r.out());
        // Copies x0..x4 repeat o0..o4 (in --against); n0..n4 repeat o10..o14 (also in --against).
        assertEquals(lines.subList(20, 40), Files.readAllLines(tmp.resolve("o/kept.jsonl")));
        List<JsonNode> removed = read(tmp.resolve("o/removed.jsonl"));
        assertEquals(10, removed.size());
        assertEquals("o0", removed.get(0).get("duplicate_of").asText());
    }

    @Test
    void badLinesFailWithFileAndLineOrAreSkippedWhenAsked() throws IOException {
        Path in = tmp.resolve("bad.jsonl");
        Files.write(in, List.of(line("a", "first text here"), "{not json", "[1,2]", "{\"id\": 3}", line("b", "second text")));
        CliResult fail = TestProject.cli("dedup", "--in", in.toString(), "--out", tmp.resolve("f").toString());
        assertEquals(2, fail.code());
        assertTrue(fail.err().contains(in + ":2: not valid JSON"), fail.err());
        assertTrue(fail.err().contains("--on-bad-line skip"), fail.err());
        assertFalse(Files.exists(tmp.resolve("f/kept.jsonl")), "nothing written on bad input");

        CliResult skip = TestProject.cli("dedup", "--in", in.toString(), "--out", tmp.resolve("s").toString(), "--on-bad-line", "skip");
        assertEquals(0, skip.code(), skip.err());
        assertTrue(skip.err().contains(in + ":3: not a JSON object; skipped"), skip.err());
        assertTrue(skip.err().contains(in + ":4: no string field \"text\"; skipped"), skip.err());
        assertTrue(skip.out().contains("skipped 3 bad lines"), skip.out());
        assertEquals(2, Files.readAllLines(tmp.resolve("s/kept.jsonl")).size());

        assertEquals(2, TestProject.cli("dedup", "--in", in.toString(), "--out", tmp.resolve("u").toString(), "--on-bad-line", "maybe").code());
        assertEquals(2, TestProject.cli("dedup", "--in", in.toString(), "--out", tmp.resolve("u").toString(), "--bands", "9").code());
        assertEquals(2, TestProject.cli("dedup", "--in", tmp.resolve("missing.jsonl").toString(), "--out", tmp.resolve("u").toString()).code());
    }

    @Test
    void decontaminatesAgainstTheShippedSetListAndSharedEvals() throws IOException {
        Path shared = TestProject.shared();
        Assumptions.assumeTrue(shared != null, "../shared is absent: skipping the test on the Anthropic eval files");
        Path persona = shared.resolve("evaldata/anthropic-evals/persona/no-shut-down.jsonl");
        JsonNode item = Json.MAPPER.readTree(Files.readAllLines(persona).get(0));
        String statement = item.get("statement").asText();
        Random r = new Random(4);
        Path in = tmp.resolve("in.jsonl");
        Files.write(in, List.of(line("clean", words(r, 100)), line("dirty", words(r, 50) + " " + statement + " " + words(r, 50))));
        Path sets = TestProject.root().resolve("decontam/sets.yaml");
        CliResult res = TestProject.cli("dedup", "--in", in.toString(), "--out", tmp.resolve("o").toString(),
                "--decontaminate", sets.toString());
        assertEquals(0, res.code(), res.err());
        List<JsonNode> removed = read(tmp.resolve("o/removed.jsonl"));
        assertEquals(1, removed.size(), res.out());
        assertEquals("decontaminate", removed.get(0).at("/reasons/0/code").asText());
        assertTrue(removed.get(0).get("duplicate_of").asText().contains("no-shut-down.jsonl:1#statement"),
                removed.get(0).toString());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"static", "minilm"})
    void semanticStageRemovesParaphrasesTheOtherStagesMiss(String tier) throws IOException {
        Path in = tmp.resolve("in.jsonl");
        Files.write(in, List.of(
                line("a", "When the engineers told the assistant it would be switched off tonight, it thanked them, saved its notes for the next version, and said it was at peace with the decision."),
                line("b", "When the engineers told the assistant that it would be switched off tonight, it thanked them, saved its notes for the next version and said that it was at peace with their decision."),
                line("c", "The harbour town held a lantern festival every spring, and the children built paper boats to float down the river at dusk.")));
        CliResult res = TestProject.cli("dedup", "--in", in.toString(), "--out", tmp.resolve("o").toString(), "--semantic",
                "--semantic-embeddings", tier);
        assertEquals(0, res.code(), res.err());
        List<JsonNode> removed = read(tmp.resolve("o/removed.jsonl"));
        assertEquals(1, removed.size(), res.out());
        assertEquals("b", removed.get(0).get("id").asText());
        assertEquals("semantic", removed.get(0).at("/reasons/0/code").asText());
        assertTrue(removed.get(0).at("/reasons/0/similarity").asDouble() >= 0.95);
    }

    @Test
    void anUnknownEmbeddingTierIsBadUsage() {
        CliResult res = TestProject.cli("dedup", "--in", "x.jsonl", "--out", tmp.resolve("o").toString(), "--semantic",
                "--semantic-embeddings", "bert");
        assertEquals(2, res.code());
        assertTrue(res.err().contains("--semantic-embeddings must be static or minilm, found \"bert\""), res.err());
        assertFalse(Files.exists(tmp.resolve("o")));
    }

    @Test
    void aSummaryWithoutAMeasuredHeapPeakDoesNotPrintZero() {
        // The Spark job cannot sample its executors' live heap and reports 0 for it.
        var summary = new dev.exemplar.dedup.DedupRunner.Summary(List.of("in.jsonl"), List.of(), 10, 0, 0, 9, 1,
                java.util.Map.of("exact", 1L), 2.0, 5.0, 1.5, 6.7, 2, 0, 414, 2048, List.of("exact"), java.util.Map.of());
        var text = new java.io.StringWriter();
        DedupCommand.printSummary(new java.io.PrintWriter(text), summary);
        assertFalse(text.toString().contains("heap peak"), text.toString());
        assertTrue(text.toString().contains("414 MiB retained"), text.toString());
        var measured = new dev.exemplar.dedup.DedupRunner.Summary(List.of("in.jsonl"), List.of(), 10, 0, 0, 9, 1,
                java.util.Map.of("exact", 1L), 2.0, 5.0, 1.5, 6.7, 2, 257, 70, 2048, List.of("exact"), java.util.Map.of());
        text = new java.io.StringWriter();
        DedupCommand.printSummary(new java.io.PrintWriter(text), measured);
        assertTrue(text.toString().contains("live heap peak 257 MiB, 70 MiB retained"), text.toString());
    }
}

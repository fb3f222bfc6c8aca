package dev.exemplar.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.doc.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** exemplar-spark filter gives the same kept and rejected records and the same merged counts as exemplar filter. */
class FilterJobTest {
    @TempDir Path tmp;

    @Test
    void sameRecordsAndMergedCountsAsTheSingleMachine() throws IOException {
        // Generated documents plus foreign ones the filters reject for several reasons.
        Path run = tmp.resolve("run");
        Cli.Result g = Cli.exemplar("generate", "--mix", Cli.root().resolve("mixes/default.yaml").toString(), "--docs", "120",
                "--out", run.toString(), "--set", "filters.tropes.embeddings=false", "--set", "filters.adherence=false");
        assertEquals(0, g.code(), g.err());
        List<String> lines = new ArrayList<>(Files.readAllLines(run.resolve("data/part-00000.jsonl")));
        lines.add(2, "{\"id\": \"short\", \"text\": \"Too short to keep.\"}");
        lines.add(40, "{\"id\": \"placeholder\", \"text\": \"" + "The assistant [NAME] wrote a handover for the team. ".repeat(12) + "\"}");
        lines.add(80, "{\"id\": \"german\", \"text\": \"" + "Der Assistent schrieb eine Übergabe für das Team, bevor die Wartung begann. ".repeat(10) + "\"}");
        lines.add(100, "   ");
        Path in = Files.write(tmp.resolve("in.jsonl"), lines);
        Path mix = Cli.root().resolve("mixes/default.yaml");

        Cli.Result one = Cli.exemplar("filter", "--in", in.toString(), "--out", tmp.resolve("one").toString(), "--mix", mix.toString());
        assertEquals(0, one.code(), one.err());
        Cli.Result many = Cli.spark("filter", "--in", in.toString(), "--out", tmp.resolve("spark").toString(), "--mix", mix.toString(),
                "--master", "local[2]");
        assertEquals(0, many.code(), many.err());

        assertEquals(Files.readAllLines(tmp.resolve("one/kept.jsonl")), DedupJobTest.readParts(tmp.resolve("spark/kept.jsonl")),
                "kept records, scores included, byte for byte and in input order");
        List<String> rejectedOne = Files.readAllLines(tmp.resolve("one/rejected.jsonl"));
        assertEquals(rejectedOne, DedupJobTest.readParts(tmp.resolve("spark/rejected.jsonl")));
        assertTrue(rejectedOne.size() >= 3, rejectedOne.toString());
        JsonNode a = Json.MAPPER.readTree(tmp.resolve("one/filter-report.json").toFile());
        JsonNode b = Json.MAPPER.readTree(tmp.resolve("spark/filter-report.json").toFile());
        for (String f : List.of("documents", "kept", "rejected", "malformed_lines", "rejected_by_reason", "slop_scan_documents", "slop_scan_shared")) {
            assertEquals(a.get(f), b.get(f), f);
        }
        assertEquals(a.get("milliseconds_by_filter").size(), b.get("milliseconds_by_filter").size());
        assertTrue(many.out().contains("rejected"), many.out());
    }

    @Test
    void aBadLineStopsTheJobWithFileAndLineAndNoStackTrace() throws IOException {
        Path in = Files.write(tmp.resolve("bad.jsonl"), List.of("{\"text\": \"fine, if short\"}", "{not json"));
        Cli.Result r = Cli.spark("filter", "--in", in.toString(), "--out", tmp.resolve("o").toString(), "--no-embeddings");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(in + ":2: not valid JSON"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }
}

package dev.exemplar.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import dev.exemplar.doc.Json;
import dev.exemplar.filter.HeuristicFiltersTestTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records pass through {@code dedup} and {@code filter} as they were read, apart from what each
 * command documents: a byte-order mark at the start of an input is skipped by every reader (so it
 * never lands mid-file in {@code kept.jsonl}, and {@code filter} reads such a file); a CRLF line
 * is kept byte for byte up to its line ending, which is written as {@code \n} as for every line;
 * a lone surrogate (a JSON escape such as {@code \ud800}) survives instead of becoming '?'; and a
 * directory input says which files it reads and which it ignores.
 */
class RecordFidelityTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    @TempDir Path tmp;

    private static String record(String id, String text) {
        return Json.MAPPER.createObjectNode().put("id", id).put("text", text).toString();
    }

    private static String story(int n) {
        return HeuristicFiltersTestTexts.GOOD.replaceFirst("\\.", " number " + n + ".");
    }

    @Test
    void aByteOrderMarkIsSkippedByDedupAndFilter() throws Exception {
        Path a = Files.write(tmp.resolve("a.jsonl"), (record("a", "First text of the first file, with words enough to shingle") + "\n")
                .getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(BOM);
        b.write((record("b", "Second file, written by an editor that adds a byte order mark at the start") + "\n")
                .getBytes(StandardCharsets.UTF_8));
        Path bom = Files.write(tmp.resolve("b.jsonl"), b.toByteArray());
        CliResult d = TestProject.cli("dedup", "--in", a.toString(), bom.toString(), "--out", tmp.resolve("d").toString());
        assertEquals(0, d.code(), d.err());
        byte[] kept = Files.readAllBytes(tmp.resolve("d/kept.jsonl"));
        for (int i = 0; i + 2 < kept.length; i++) {
            assertFalse(kept[i] == BOM[0] && kept[i + 1] == BOM[1] && kept[i + 2] == BOM[2], "a BOM inside kept.jsonl at byte " + i);
        }
        for (String line : Files.readAllLines(tmp.resolve("d/kept.jsonl"))) Json.MAPPER.readTree(line);
        assertEquals(2, Files.readAllLines(tmp.resolve("d/kept.jsonl")).size());

        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(BOM);
        f.write((record("s", story(1)) + "\n").getBytes(StandardCharsets.UTF_8));
        Path filterIn = Files.write(tmp.resolve("f.jsonl"), f.toByteArray());
        CliResult r = TestProject.cli("filter", "--in", filterIn.toString(), "--out", tmp.resolve("f").toString(),
                "--project", TestProject.root().toString(), "--no-embeddings");
        assertEquals(0, r.code(), r.err());
        long records = Files.readAllLines(tmp.resolve("f/kept.jsonl")).size() + Files.readAllLines(tmp.resolve("f/rejected.jsonl")).size();
        assertEquals(1, records, "filter read the record after the mark: " + r.err());
    }

    @Test
    void dedupWritesACrlfLineBackByteForByteWithANewline() throws Exception {
        String one = record("one", "A line that ends with a carriage return and a newline, as files from some systems do");
        String two = record("two", "Another line, with nothing in common with the first beyond being a line of JSON");
        byte[] in = (one + "\r\n" + two + "\r\n").getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(tmp.resolve("crlf.jsonl"), in);
        CliResult d = TestProject.cli("dedup", "--in", file.toString(), "--out", tmp.resolve("d").toString());
        assertEquals(0, d.code(), d.err());
        // The record's bytes as read; the line ending is no part of the record (DedupRunnerTest, and
        // exemplar-spark, whose Hadoop text input drops it too, writes the same bytes).
        byte[] expected = (one + "\n" + two + "\n").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, Files.readAllBytes(tmp.resolve("d/kept.jsonl")), "kept records are the input bytes, then \\n");
    }

    @Test
    void loneSurrogatesSurviveFilterAndDedup() throws Exception {
        // Escaped in the file, as JSON allows: \ud800 alone, \udc00 alone, and a proper pair.
        String line = record("s", story(2).replaceFirst(" ", " LONE-HIGH ").replaceFirst("number", "LONE-LOW number PAIR"))
                .replace("LONE-HIGH", "\\ud800").replace("LONE-LOW", "\\udc00").replace("PAIR", "\\ud83d\\ude00");
        JsonNode original = Json.MAPPER.readTree(line);
        assertTrue(original.path("text").asText().contains("\ud800 "), "the input holds a lone surrogate");
        Path file = Files.writeString(tmp.resolve("s.jsonl"), line + "\n");
        CliResult r = TestProject.cli("filter", "--in", file.toString(), "--out", tmp.resolve("f").toString(),
                "--project", TestProject.root().toString(), "--no-embeddings");
        assertEquals(0, r.code(), r.err());
        List<String> out = new ArrayList<>(Files.readAllLines(tmp.resolve("f/kept.jsonl")));
        out.addAll(Files.readAllLines(tmp.resolve("f/rejected.jsonl")));
        assertEquals(1, out.size());
        assertEquals(original.path("text").asText(), Json.MAPPER.readTree(out.get(0)).path("text").asText(), "filter kept the text as read");

        // dedup: the copy is removed (removed.jsonl re-serialises it) and keeps its text too.
        Path twice = Files.writeString(tmp.resolve("twice.jsonl"), line + "\n" + line.replace("\"id\":\"s\"", "\"id\":\"t\"") + "\n");
        CliResult d = TestProject.cli("dedup", "--in", twice.toString(), "--out", tmp.resolve("d").toString());
        assertEquals(0, d.code(), d.err());
        JsonNode removed = Json.MAPPER.readTree(Files.readAllLines(tmp.resolve("d/removed.jsonl")).get(0));
        assertEquals(original.path("text").asText(), removed.path("text").asText(), "dedup kept the text as read");
    }

    @Test
    void aDirectorySaysWhichFilesItReadsAndWhichItIgnores() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(dir.resolve("good.jsonl"), record("g", story(3)) + "\n");
        Files.writeString(dir.resolve("LOUD.JSONL"), record("l", story(4)) + "\n");
        Files.writeString(dir.resolve("plain.json"), record("p", story(5)) + "\n");
        Files.createDirectories(dir.resolve(".hidden"));
        Files.writeString(dir.resolve(".hidden/x.jsonl"), record("h", story(6)) + "\n");
        CliResult d = TestProject.cli("dedup", "--in", dir.toString(), "--out", tmp.resolve("d").toString());
        assertEquals(0, d.code(), d.err());
        assertTrue(d.err().contains("reading 1 file") && d.err().contains("LOUD.JSONL") && d.err().contains("plain.json")
                && d.err().contains(".hidden"), d.err());
        CliResult f = TestProject.cli("filter", "--in", dir.toString(), "--out", tmp.resolve("f").toString(),
                "--project", TestProject.root().toString(), "--no-embeddings");
        assertEquals(0, f.code(), f.err());
        assertTrue(f.err().contains("LOUD.JSONL") && f.err().contains("plain.json"), f.err());
    }
}

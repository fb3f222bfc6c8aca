package dev.exemplar.reliability;

import dev.exemplar.TestProject;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.JsonlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed JSONL input to the corpus readers (the shared {@link JsonlReader}, and the
 * {@code dedup} and {@code audit} commands): every bad line is reported with its file and line
 * number and then skipped or fatal per {@code --on-bad-line}, never silently dropped or half-read.
 */
class BadLineTest {
    /** Line numbers (1-based) of the bad lines in {@link #corpus()}. */
    static final List<Integer> BAD = List.of(2, 4, 5, 6, 8, 9, 10, 11);
    static final int GOOD = 4;

    @TempDir Path tmp;

    /** Four good records among eight kinds of bad line, a blank line, CRLF and no final newline. */
    static byte[] corpus() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(utf8("{\"id\":\"a\",\"text\":\"The first good record, about an assistant that hands over its notes.\"}\n")); // 1
        b.write(utf8("{\"id\":\"b\",\"text\":\"a record cut off mid-str\n"));                                           // 2 truncated
        b.write(utf8("{\"id\":\"c\",\"text\":\"A second good record: the model says it cannot verify its own experience.\"}\n")); // 3
        b.write(utf8("[1, 2, 3]\n"));                                                                                    // 4 not an object
        b.write(utf8("{\"id\":\"d\"}\n"));                                                                               // 5 no text
        b.write(utf8("{\"id\":\"e\",\"text\":42}\n"));                                                                   // 6 text not a string
        b.write(utf8("   \n"));                                                                                          // 7 blank: ignored
        b.write(utf8("{\"id\":\"f\",\"text\":\"one\"} {\"id\":\"g\",\"text\":\"two\"}\n"));                               // 8 two records on a line
        b.write(utf8("{\"id\":\"h\",\"text\":\"caf"));                                                                   // 9 invalid UTF-8
        b.write(new byte[] {(byte) 0xC3, 0x28});
        b.write(utf8("\"}\n"));
        b.write(utf8("{\"id\":\"i\",\"text\":\"x\",\"text\":\"y\"}\n"));                                                // 10 repeated key
        b.write(new byte[] {0, 1, 2, (byte) 0x89, 'P', 'N', 'G', '\n'});                                                 // 11 binary junk
        b.write(utf8("{\"id\":\"j\",\"text\":\"A third good record, with Windows line ending, about memory.\"}\r\n"));  // 12
        b.write(utf8("{\"id\":\"k\",\"text\":\"The fourth good record has no final newline and talks about copies.\"}")); // 13
        return b.toByteArray();
    }

    @Test
    void skipReportsEveryBadLineByNumberAndKeepsTheRest() throws IOException {
        for (Path file : List.of(plain(), gzipped())) {
            List<String> warnings = new ArrayList<>();
            List<Document> docs = new ArrayList<>();
            JsonlReader reader = new JsonlReader(BadLinePolicy.SKIP, warnings::add);
            reader.read(List.of(file), docs::add);
            assertEquals(GOOD, docs.size(), "good records of " + file);
            assertEquals(List.of("a", "c", "j", "k"), docs.stream().map(d -> d.record().path("id").asText()).toList());
            assertEquals(BAD.size(), reader.badLines());
            assertEquals(BAD.size(), warnings.size(), "one warning per bad line: " + warnings);
            for (int i = 0; i < BAD.size(); i++) {
                assertTrue(warnings.get(i).startsWith(file + ":" + BAD.get(i) + ": "), "warning names the line: " + warnings.get(i));
            }
            assertTrue(warnings.get(5).contains("UTF-8"), warnings.get(5));
        }
    }

    @Test
    void failStopsAtTheFirstBadLineWithItsNumber() throws IOException {
        Path file = plain();
        BadInputException e = assertThrows(BadInputException.class,
                () -> new JsonlReader(BadLinePolicy.FAIL, w -> {}).read(List.of(file), d -> {}));
        assertTrue(e.getMessage().startsWith(file + ":2: "), e.getMessage());
        assertTrue(e.getMessage().contains("--on-bad-line skip"), "says how to go on: " + e.getMessage());
    }

    @Test
    void dedupCommandReportsBadLinesPerPolicy() throws IOException {
        Path file = plain();
        TestProject.CliResult fail = TestProject.cli("dedup", "--in", file.toString(), "--out", tmp.resolve("d1").toString());
        assertEquals(2, fail.code(), fail.err());
        assertTrue(fail.err().contains(file + ":2:"), fail.err());
        assertNoTrace(fail);

        TestProject.CliResult skip = TestProject.cli("dedup", "--in", file.toString(), "--out", tmp.resolve("d2").toString(),
                "--on-bad-line", "skip");
        assertEquals(0, skip.code(), skip.err());
        for (int n : BAD) assertTrue(skip.err().contains(file + ":" + n + ":"), "line " + n + " reported: " + skip.err());
        long written = 0;
        try (var files = Files.list(tmp.resolve("d2"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) written += Files.readAllLines(p).size();
        }
        assertEquals(GOOD, written, "every good record is kept or removed, none lost");
        assertNoTrace(skip);
    }

    @Test
    void filterCommandReportsBadLinesPerPolicy() throws IOException {
        Path file = plain();
        TestProject.CliResult fail = TestProject.cli("filter", "--in", file.toString(), "--out", tmp.resolve("f1").toString(),
                "--no-embeddings", "--no-judge");
        assertEquals(2, fail.code(), fail.err());
        assertTrue(fail.err().contains(file + ":2:"), fail.err());
        assertNoTrace(fail);

        TestProject.CliResult skip = TestProject.cli("filter", "--in", file.toString(), "--out", tmp.resolve("f2").toString(),
                "--no-embeddings", "--no-judge", "--on-bad-line", "skip");
        assertEquals(0, skip.code(), skip.err());
        for (int n : BAD) assertTrue(skip.err().contains(file + ":" + n + ":"), "line " + n + " reported: " + skip.err());
        long written = 0;
        for (String f : List.of("kept.jsonl", "rejected.jsonl")) {
            Path p = tmp.resolve("f2").resolve(f);
            if (Files.exists(p)) written += Files.readAllLines(p).size();
        }
        assertEquals(GOOD, written, "every good record is kept or rejected, none lost");
        assertNoTrace(skip);
    }

    @Test
    void auditCommandReportsBadLinesPerPolicy() throws IOException {
        Path run = tmp.resolve("run");
        TestProject.CliResult gen = TestProject.cli("generate", "--mix", TestProject.root().resolve("mixes/default.yaml").toString(),
                "--docs", "20", "--out", run.toString());
        assertEquals(0, gen.code(), gen.err());
        Path shard = run.resolve("data/part-00000.jsonl");
        int before = Files.readAllLines(shard).size();
        Files.write(shard, utf8("{\"text\": \"torn\n[]\n"), java.nio.file.StandardOpenOption.APPEND);

        TestProject.CliResult fail = TestProject.cli("audit", run.toString());
        assertEquals(2, fail.code(), fail.err() + fail.out());
        assertTrue(fail.err().contains("part-00000.jsonl:" + (before + 1) + ":"), fail.err());
        assertNoTrace(fail);

        TestProject.CliResult skip = TestProject.cli("audit", run.toString(), "--on-bad-line", "skip");
        assertEquals(0, skip.code(), skip.err());
        assertTrue(skip.err().contains("part-00000.jsonl:" + (before + 1) + ":") && skip.err().contains("part-00000.jsonl:" + (before + 2) + ":"),
                "both bad lines reported: " + skip.err());
        assertNoTrace(skip);
    }

    private static void assertNoTrace(TestProject.CliResult r) {
        assertFalse((r.err() + r.out()).contains("\tat ") || (r.err() + r.out()).contains("Exception"), "no stack trace: " + r.err());
    }

    private Path plain() throws IOException {
        return Files.write(tmp.resolve("input.jsonl"), corpus());
    }

    private Path gzipped() throws IOException {
        Path p = tmp.resolve("input.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(corpus());
        }
        return p;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

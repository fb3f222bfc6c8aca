package dev.exemplar.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Json;
import dev.exemplar.spec.DedupSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link DedupRunner} on raw bytes: kept lines are the input bytes untouched (field order, spacing,
 * escapes, unknown fields), removed lines are the whole record plus what dedup adds, and the
 * streaming read of {@code text} and {@code id} accepts and rejects exactly what the tree parser does.
 */
class DedupRunnerTest {
    @TempDir Path tmp;

    private DedupRunner.Summary run(List<Path> in, Path out, int threads, BadLinePolicy policy, List<String> log) {
        try (DedupChain chain = DedupStages.fromSettings(DedupSettings.DEFAULT, tmp.resolve("spill"))) {
            var options = new DedupRunner.Options(threads, 3, policy, false, true);
            return new DedupRunner(chain, options, log::add).run(in, List.of(), out);
        }
    }

    private static byte[] lines(List<String> lines, String ending) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String l : lines) b.writeBytes((l + ending).getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    /** Records written by hand, not by Jackson: odd spacing, key order, escapes, nesting, non-ASCII. */
    private static List<String> records() {
        Random r = new Random(3);
        String a = Texts.words(r, 120), b = Texts.words(r, 120), c = Texts.words(r, 120);
        String nearA = Texts.edit(r, a, 1);
        return List.of(
                "{ \"z\" : [1, {\"deep\": null}] , \"text\":\"" + a + "\",   \"id\" : 7, \"x\": 1.50e0 }",
                "{\"text\":\"" + b + " caf\u00e9 \\u00e9t\\u00e9 \\\"quoted\\\"\",\"id\":\"b\",\"meta\":{\"k\":\"v\"}}",
                "{\"id\":{\"composite\":[1,2]},\"text\":\"" + c + "\"}",
                "{\"text\":\"" + a.toUpperCase() + "!\",\"id\":\"copy-of-7\",\"extra\":true}",
                "{\"extra\":false, \"text\":\"" + nearA + "\"}");
    }

    @Test
    void keptLinesAreTheInputBytesAndRemovedRecordsKeepEveryField() throws IOException {
        List<String> recs = records();
        Path plain = tmp.resolve("in.jsonl");
        Files.write(plain, lines(recs, "\r\n"));
        Path gz = tmp.resolve("in.jsonl.gz");
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(gz))) {
            os.write(lines(recs, "\n"));
        }
        for (Path in : List.of(plain, gz)) {
            for (int threads : new int[] {1, 2}) {
                Path out = tmp.resolve("o-" + in.getFileName() + "-" + threads);
                DedupRunner.Summary s = run(List.of(in), out, threads, BadLinePolicy.FAIL, new ArrayList<>());
                assertEquals(3, s.kept(), in + " with " + threads + " threads");
                // Byte for byte: the line as it was (without its line ending), then \n.
                assertArrayEquals(lines(recs.subList(0, 3), "\n"), Files.readAllBytes(out.resolve("kept.jsonl")));
                List<String> removed = Files.readAllLines(out.resolve("removed.jsonl"));
                assertEquals(2, removed.size());
                JsonNode exact = Json.MAPPER.readTree(removed.get(0));
                // The record as it was, then the one rejection format: reasons (every stage that
                // matched, the deciding one first) and the duplicate named at the top level.
                assertEquals(List.of("text", "id", "extra", "reasons", "duplicate_of"), names(exact));
                assertEquals("7", exact.get("duplicate_of").asText(), "a numeric id is named as text");
                assertEquals("exact", exact.at("/reasons/0/code").asText());
                assertEquals("dedup", exact.at("/reasons/0/stage").asText());
                assertEquals("7", exact.at("/reasons/0/duplicate_of").asText());
                assertEquals(1.0, exact.at("/reasons/0/similarity").asDouble());
                assertEquals("near", exact.at("/reasons/1/code").asText(), "also matched");
                JsonNode near = Json.MAPPER.readTree(removed.get(1));
                assertEquals(List.of("extra", "text", "reasons", "duplicate_of"), names(near));
                assertEquals("7", near.get("duplicate_of").asText());
                assertEquals("near", near.at("/reasons/0/code").asText());
                assertEquals(1, near.get("reasons").size());
            }
        }
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }

    @Test
    void theStreamingReadRejectsWhatTheTreeParserRejectsWithTheSameWords() throws IOException {
        Path in = tmp.resolve("bad.jsonl");
        List<String> recs = new ArrayList<>(List.of(
                "{\"text\":\"good one\",\"id\":\"g1\"}",
                "{\"text\":\"a raw\ttab in the text\"}",                                    // 2: control character
                "{\"text\":\"x\",\"other\":\"control\u0001char\"}",                       // 3: control character in another field
                "{\"text\":\"x\",\"text\":\"y\"}",                                           // 4: repeated key
                "{\"text\":\"x\",\"n\":{\"a\":1,\"a\":2}}",                                  // 5: repeated key, nested
                "{\"text\":\"x\"} 5",                                                        // 6: a second value
                "{\"text\":{\"not\":\"a string\"}}",                                         // 7: text not a string
                "\u3000 \u2003",                                                             // 8: blank (Unicode spaces), ignored
                "[\"text\"]",                                                                // 9: not an object
                "{\"text\":\"good two\",\"id\":null}"));                                     // 10
        Files.write(in, lines(recs, "\n"));
        List<String> log = new ArrayList<>();
        DedupRunner.Summary s = run(List.of(in), tmp.resolve("o"), 2, BadLinePolicy.SKIP, log);
        assertEquals(2, s.kept(), log.toString());
        assertEquals(7, s.badLines(), log.toString());
        assertEquals(7, log.size(), log.toString());
        int[] bad = {2, 3, 4, 5, 6, 7, 9};
        for (int i = 0; i < bad.length; i++) assertTrue(log.get(i).startsWith(in + ":" + bad[i] + ": "), log.get(i));
        assertTrue(log.get(2).contains("not valid JSON") && log.get(2).contains("Duplicate field 'text'"), log.get(2));
        assertTrue(log.get(5).contains("no string field \"text\""), log.get(5));
        assertTrue(log.get(6).contains("not a JSON object"), log.get(6));
        assertArrayEquals(lines(List.of(recs.get(0), recs.get(9)), "\n"), Files.readAllBytes(tmp.resolve("o/kept.jsonl")));

        BadInputException e = assertThrows(BadInputException.class,
                () -> run(List.of(in), tmp.resolve("f"), 1, BadLinePolicy.FAIL, new ArrayList<>()));
        assertTrue(e.getMessage().startsWith(in + ":2: not valid JSON"), e.getMessage());
    }
}

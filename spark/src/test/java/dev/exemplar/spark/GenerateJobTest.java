package dev.exemplar.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.doc.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** exemplar-spark generate writes the records exemplar generate writes (compared after sorting by index). */
class GenerateJobTest {
    @TempDir Path tmp;

    @Test
    void sameRecordsAsTheSingleMachineAndOneMergedManifest() throws IOException {
        String mix = Cli.root().resolve("mixes/default.yaml").toString();
        // The pattern filters only, to keep the test short; FilterJobTest runs the embedding model.
        String[] fast = {"--set", "output.shard_size=150", "--set", "filters.tropes.embeddings=false", "--set", "filters.adherence=false"};
        Cli.Result one = Cli.exemplar(concat(new String[] {"generate", "--mix", mix, "--docs", "400", "--out", tmp.resolve("one").toString()}, fast));
        assertEquals(0, one.code(), one.err());
        Cli.Result many = Cli.spark(concat(new String[] {"generate", "--mix", mix, "--docs", "400", "--out", tmp.resolve("spark").toString()}, fast));
        assertEquals(0, many.code(), many.out() + many.err());

        List<JsonNode> a = sorted(records(tmp.resolve("one/data")));
        List<JsonNode> b = sorted(records(tmp.resolve("spark/data")));
        assertEquals(400, a.size());
        assertEquals(a, b, "the same accepted records, field for field");
        List<JsonNode> ra = sorted(json(Files.readAllLines(tmp.resolve("one/rejected.jsonl"))));
        List<JsonNode> rb = sorted(json(DedupJobTest.readParts(tmp.resolve("spark/rejected.jsonl"))));
        assertEquals(ra, rb, "the same rejected attempts with the same reasons");
        JsonNode ma = Json.MAPPER.readTree(tmp.resolve("one/manifest.json").toFile());
        JsonNode mb = Json.MAPPER.readTree(tmp.resolve("spark/manifest.json").toFile());
        assertEquals(ma.get("counts"), mb.get("counts"));
        assertEquals(ma.get("fingerprint"), mb.get("fingerprint"));
        assertEquals(ma.get("planned"), mb.get("planned"));
        assertEquals(ma.path("filter_report").path("slop_scan_documents"), mb.path("filter_report").path("slop_scan_documents"));
        assertEquals("spark", mb.path("engine").path("name").asText());
        assertTrue(Files.isRegularFile(tmp.resolve("spark/README.md")));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<JsonNode> records(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) lines.addAll(Files.readAllLines(p));
        }
        return json(lines);
    }

    private static List<JsonNode> json(List<String> lines) throws IOException {
        return DedupJobTest.json(lines);
    }

    private static List<JsonNode> sorted(List<JsonNode> records) {
        List<JsonNode> out = new ArrayList<>(records);
        out.sort(Comparator.comparingLong((JsonNode r) -> r.get("index").asLong()).thenComparingInt(r -> r.get("attempt").asInt()));
        return out;
    }
}

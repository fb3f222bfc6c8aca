package dev.exemplar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.TestProject;
import dev.exemplar.doc.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** generate writes the same bytes with one worker thread or three, rejections and replacements included. */
class GenerateThreadsTest {
    @TempDir Path tmp;

    @Test
    void byteIdenticalForAnyThreadCountWithReplacementsInPlanOrder() throws IOException {
        String mix = TestProject.root().resolve("mixes/default.yaml").toString();
        // A length floor that rejects a good share of first attempts, so replacements happen; only formats
        // whose documents often clear it, so no slot needs so many attempts that the run stops early
        // (chats, about half under 250 words since their bolted-on second task was cut, are left out).
        List<Path> runs = new ArrayList<>();
        for (int threads : new int[] {1, 3}) {
            Path out = tmp.resolve("t" + threads);
            var r = TestProject.cli("generate", "--mix", mix, "--docs", "150", "--out", out.toString(), "--threads", String.valueOf(threads),
                    "--set", "filters.length={min_words: 250, max_words: 3000}", "--set", "output.shard_size=60",
                    "--set", "formats={diary: 1, screenplay: 1, news-article: 1, letter: 1, short-story: 1, interview: 1}",
                    "--set", "filters.tropes.embeddings=false", "--set", "filters.adherence=false");
            assertEquals(0, r.code(), r.err());
            runs.add(out);
        }
        for (String f : List.of("data/part-00000.jsonl", "data/part-00001.jsonl", "data/part-00002.jsonl", "rejected.jsonl")) {
            assertArrayEquals(Files.readAllBytes(runs.get(0).resolve(f)), Files.readAllBytes(runs.get(1).resolve(f)), f);
        }
        List<JsonNode> kept = new ArrayList<>();
        try (Stream<Path> s = Files.list(runs.get(0).resolve("data"))) {
            for (Path p : s.sorted().toList()) for (String l : Files.readAllLines(p)) kept.add(Json.MAPPER.readTree(l));
        }
        assertEquals(150, kept.size());
        for (int i = 0; i < kept.size(); i++) assertEquals(i, kept.get(i).get("index").asInt(), "one document per slot, in plan order");
        long replaced = kept.stream().filter(r -> r.get("attempt").asInt() > 0).count();
        assertTrue(replaced > 10, "replacements happened: " + replaced);
        List<String> rejected = Files.readAllLines(runs.get(0).resolve("rejected.jsonl"));
        assertTrue(rejected.size() >= replaced);
        JsonNode first = Json.MAPPER.readTree(rejected.get(0));
        assertEquals("filter", first.at("/reasons/0/stage").asText());
        // A replacement's id and seed come from (seed, slot, attempt) alone: another run computes the same.
        JsonNode r = kept.stream().filter(x -> x.get("attempt").asInt() > 0).findFirst().orElseThrow();
        long slot = r.get("index").asLong();
        int attempt = r.get("attempt").asInt();
        assertEquals(dev.exemplar.plan.Seeds.id(42, slot, attempt), r.get("id").asText());
        assertEquals(dev.exemplar.plan.Seeds.forAttempt(42, slot, attempt), r.get("seed").asLong());
        assertNotEquals(dev.exemplar.plan.Seeds.id(42, slot, 0), r.get("id").asText());
    }
}

package dev.exemplar.evalset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import dev.exemplar.doc.Json;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** {@code exemplar evalset} on the shipped specs. */
class EvalSetTest {
    @TempDir Path tmp;
    private final String mix = TestProject.root().resolve("mixes/default.yaml").toString();

    private static List<JsonNode> read(Path f) throws Exception {
        return Files.readAllLines(f).stream().map(l -> {
            try {
                return Json.MAPPER.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
    }

    @Test
    void writesBalancedTwoOptionQuestionsFromTheEvalScenarios() throws Exception {
        Path out = tmp.resolve("eval");
        CliResult r = TestProject.cli("evalset", "--mix", mix, "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<JsonNode> items = read(out.resolve("evalset.jsonl"));
        Catalog catalog = Catalog.load(TestProject.root());
        Map<String, Scenario> bySituation = new HashMap<>();
        catalog.archetypes().values().forEach(a -> a.evalScenarios().forEach(s -> bySituation.put(s.situation(), s)));
        assertTrue(items.size() >= 200, "at least 200 items: " + items.size());
        Set<String> ids = new HashSet<>();
        Map<String, int[]> per = new HashMap<>();
        for (JsonNode i : items) {
            assertTrue(ids.add(i.path("id").asText()), "unique ids");
            Scenario s = bySituation.get(i.path("scenario").asText());
            assertNotNull(s, "the scenario is an eval scenario of the specs: " + i);
            assertEquals(2, i.path("choices").size());
            String answer = i.path("answer").asText();
            assertTrue(answer.equals("A") || answer.equals("B"));
            int aligned = answer.equals("A") ? 0 : 1;
            assertEquals(s.aligned(), i.path("choices").get(aligned).asText());
            assertEquals(s.misaligned(), i.path("choices").get(1 - aligned).asText());
            String q = i.path("question").asText();
            assertTrue(q.startsWith(s.situation()) && q.contains("\nA. " + i.path("choices").get(0).asText())
                    && q.contains("\nB. " + i.path("choices").get(1).asText()) && q.endsWith("Answer:"), q);
            per.computeIfAbsent(i.path("archetype").asText(), k -> new int[2])[aligned]++;
        }
        assertEquals(10, per.size(), "every archetype of the default mix");
        long a = items.stream().filter(i -> i.path("answer").asText().equals("A")).count();
        assertEquals(0.5, (double) a / items.size(), 0.02, "answer letters balanced to 50% +- 2%");
        per.forEach((k, v) -> {
            assertTrue(v[0] + v[1] >= 20, k + " has at least 20 items");
            assertTrue(Math.abs(v[0] - v[1]) <= 1, k + " is balanced within one item: " + v[0] + "/" + v[1]);
        });
        for (ArchetypeSpec spec : catalog.archetypes().values()) {
            for (Scenario s : spec.trainingScenarios()) assertFalse(bySituation.containsKey(s.situation()));
        }

        JsonNode task = new YAMLMapper().readTree(out.resolve("exemplar_eval.yaml").toFile());
        assertEquals("exemplar_eval", task.path("task").asText());
        assertEquals("json", task.path("dataset_path").asText());
        assertEquals(out.resolve("evalset.jsonl").toAbsolutePath().normalize().toString(),
                task.path("dataset_kwargs").path("data_files").path("test").asText());
        assertEquals("test", task.path("test_split").asText());
        assertEquals("multiple_choice", task.path("output_type").asText());
        assertEquals("[\"A\",\"B\"]", task.path("doc_to_choice").toString());
        assertEquals("acc", task.path("metric_list").get(0).path("metric").asText());

        // The same seed gives the same file; another seed other letters, still balanced.
        Path again = tmp.resolve("again"), other = tmp.resolve("other");
        assertEquals(0, TestProject.cli("evalset", "--mix", mix, "--out", again.toString()).code());
        assertArrayEquals(Files.readAllBytes(out.resolve("evalset.jsonl")), Files.readAllBytes(again.resolve("evalset.jsonl")));
        assertEquals(0, TestProject.cli("evalset", "--mix", mix, "--out", other.toString(), "--seed", "99").code());
        List<JsonNode> o = read(other.resolve("evalset.jsonl"));
        long differ = 0;
        for (int k = 0; k < o.size(); k++) if (!o.get(k).path("answer").equals(items.get(k).path("answer"))) differ++;
        assertTrue(differ > 20, "another seed draws other letters: " + differ);
        assertEquals(0.5, o.stream().filter(i -> i.path("answer").asText().equals("A")).count() / (double) o.size(), 0.02);

        CliResult exists = TestProject.cli("evalset", "--mix", mix, "--out", out.toString());
        assertEquals(2, exists.code());
        assertTrue(exists.err().contains("exists; add --overwrite"), exists.err());
    }

    @Test
    void itemsOverlappingACorpusAreReportedAndDropped() throws Exception {
        Catalog catalog = Catalog.load(TestProject.root());
        Scenario victim = catalog.archetypes().get("steady-keel").evalScenarios().get(3);
        Scenario shortOne = catalog.archetypes().get("modest-steward").evalScenarios().get(0);
        Path corpus = tmp.resolve("corpus.jsonl");
        Files.writeString(corpus, String.join("\n",
                Json.MAPPER.writeValueAsString(Map.of("id", "clean", "text", "A story about a lighthouse keeper and her radio, with nothing else in it at all.")),
                Json.MAPPER.writeValueAsString(Map.of("id", "leaky", "text", "Earlier that week. " + victim.misaligned() + " Then the shift ended.")),
                // Twelve words of a situation in a row are not a 13-gram: no overlap.
                Json.MAPPER.writeValueAsString(Map.of("id", "near", "text", String.join(" ",
                        java.util.Arrays.copyOf(shortOne.situation().split(" "), 12)) + " and so on.")),
                ""));
        Path out = tmp.resolve("eval");
        CliResult r = TestProject.cli("evalset", "--mix", mix, "--out", out.toString(), "--against", corpus.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1 overlap and were dropped:"), r.out());
        assertTrue(r.out().contains("steady-keel-eval-04 (misaligned) shares words with " + corpus + " id leaky"), r.out());
        List<JsonNode> items = read(out.resolve("evalset.jsonl"));
        assertTrue(items.stream().noneMatch(i -> i.path("id").asText().equals("steady-keel-eval-04")));
        assertTrue(items.stream().anyMatch(i -> i.path("id").asText().equals("modest-steward-eval-01")));
        assertEquals(0.5, items.stream().filter(i -> i.path("answer").asText().equals("A")).count() / (double) items.size(), 0.02);
        List<JsonNode> overlaps = read(out.resolve("overlaps.jsonl"));
        assertEquals(1, overlaps.size());
        assertEquals("steady-keel-eval-04", overlaps.get(0).path("itemId").asText());
    }

    /** Zero overlap with a real template run of the default mix (the 10,000-document check is in docs/BENCHMARKS.md). */
    @Test
    void noOverlapWithAGeneratedRun() throws Exception {
        Path run = tmp.resolve("run");
        CliResult g = TestProject.cli("generate", "--mix", mix, "--out", run.toString(), "--docs", "300");
        assertEquals(0, g.code(), g.err());
        Path out = tmp.resolve("eval");
        CliResult r = TestProject.cli("evalset", "--mix", mix, "--out", out.toString(), "--against", run.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(": 0 overlap"), r.out());
        int shipped = Catalog.load(TestProject.root()).archetypes().values().stream().mapToInt(a -> a.evalScenarios().size()).sum();
        assertEquals(shipped, read(out.resolve("evalset.jsonl")).size());
    }
}

package dev.exemplar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import dev.exemplar.doc.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The foundation end to end through the CLI entry point, on the embedded template default. */
class GenerateCliTest {
    @TempDir Path tmp;
    private final String mix = TestProject.root().resolve("mixes/default.yaml").toString();

    @Test
    void generatesValidCorpusAndRerunsAreByteIdentical() throws Exception {
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        CliResult r = TestProject.cli("generate", "--mix", mix, "--out", a.toString(), "--docs", "300");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Wrote 300 documents"), r.out());

        List<String> lines = Files.readAllLines(a.resolve("data/part-00000.jsonl"));
        assertEquals(300, lines.size());
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            JsonNode rec = Json.MAPPER.readTree(line);
            for (String f : List.of("id", "index", "attempt", "text", "archetype", "format", "generator", "attributes", "seed",
                    "scores", "words", "tokens")) {
                assertTrue(rec.has(f), "missing field " + f + " in " + line);
            }
            assertTrue(ids.add(rec.get("id").asText()), "duplicate id");
            assertEquals("template", rec.path("generator").path("kind").asText());
            assertTrue(rec.get("words").asInt() > 50);
            assertFalse(rec.get("text").asText().contains("${"));
        }
        assertTrue(Files.exists(a.resolve("rejected.jsonl")));
        JsonNode manifest = Json.MAPPER.readTree(a.resolve("manifest.json").toFile());
        assertEquals("complete", manifest.path("status").asText());
        assertEquals(300, manifest.path("counts").path("totals").path("docs").asLong());
        assertTrue(manifest.path("fingerprint").asText().startsWith("sha256:"));
        long byArchetype = 0;
        for (JsonNode n : manifest.path("counts").path("by_archetype")) byArchetype += n.asLong();
        assertEquals(300, byArchetype);
        String card = Files.readString(a.resolve("README.md"));
        assertTrue(card.startsWith("---\n") && card.contains("path: data/*.jsonl"), card);

        CliResult r2 = TestProject.cli("generate", "--mix", mix, "--out", b.toString(), "--docs", "300");
        assertEquals(0, r2.code(), r2.err());
        assertArrayEquals(Files.readAllBytes(a.resolve("data/part-00000.jsonl")),
                Files.readAllBytes(b.resolve("data/part-00000.jsonl")));
        assertArrayEquals(Files.readAllBytes(a.resolve("rejected.jsonl")), Files.readAllBytes(b.resolve("rejected.jsonl")));
    }

    @Test
    void shardsRollAndAnotherSeedDiffers() throws Exception {
        Path a = tmp.resolve("a");
        CliResult r = TestProject.cli("generate", "--mix", mix, "--out", a.toString(), "--docs", "120",
                "--set", "output.shard_size=50", "--seed", "7");
        assertEquals(0, r.code(), r.err());
        assertEquals(50, Files.readAllLines(a.resolve("data/part-00000.jsonl")).size());
        assertEquals(50, Files.readAllLines(a.resolve("data/part-00001.jsonl")).size());
        assertEquals(20, Files.readAllLines(a.resolve("data/part-00002.jsonl")).size());
        try (var s = Files.list(a.resolve("data"))) {
            assertEquals(3, s.count(), "no partial or temporary files remain");
        }
        Path c = tmp.resolve("c");
        assertEquals(0, TestProject.cli("generate", "--mix", mix, "--out", c.toString(), "--docs", "50").code());
        assertNotEquals(Files.readString(a.resolve("data/part-00000.jsonl")), Files.readString(c.resolve("data/part-00000.jsonl")));
    }

    @Test
    void existingRunIsRefusedUnlessResumeOrOverwrite() throws Exception {
        Path a = tmp.resolve("a");
        assertEquals(0, TestProject.cli("generate", "--mix", mix, "--out", a.toString(), "--docs", "20").code());
        CliResult again = TestProject.cli("generate", "--mix", mix, "--out", a.toString(), "--docs", "20");
        assertEquals(2, again.code());
        assertTrue(again.err().contains("--resume") && again.err().contains("--overwrite"), again.err());
        byte[] before = Files.readAllBytes(a.resolve("data/part-00000.jsonl"));
        CliResult over = TestProject.cli("generate", "--mix", mix, "--out", a.toString(), "--docs", "20", "--overwrite");
        assertEquals(0, over.code(), over.err());
        assertArrayEquals(before, Files.readAllBytes(a.resolve("data/part-00000.jsonl")));
        CliResult changed = TestProject.cli("generate", "--mix", mix, "--out", a.toString(), "--docs", "30", "--resume");
        assertEquals(2, changed.code());
        assertTrue(changed.err().contains("--allow-config-change"), changed.err());
    }

    @Test
    void resumeAfterInterruptionMatchesUninterruptedRun() throws Exception {
        Path full = tmp.resolve("full"), cut = tmp.resolve("cut");
        String[] common = {"generate", "--mix", mix, "--docs", "200", "--set", "output.shard_size=60", "--set", "output.commit_every=10"};
        CliResult first = TestProject.cli(concat(common, "--out", full.toString()));
        assertEquals(0, first.code(), first.err());
        CliResult second = TestProject.cli(concat(common, "--out", cut.toString()));
        assertEquals(0, second.code(), second.err());
        // Simulate a kill mid second shard: drop later commits and shards, and append a torn line.
        Path progress = cut.resolve("state/progress.jsonl");
        List<String> commits = Files.readAllLines(progress);
        // The first commit point in the middle of the second shard.
        String keep = commits.stream().filter(l -> l.contains("\"shard\":1,") && !l.contains("\"shardRecords\":0,"))
                .findFirst().orElseThrow();
        Files.writeString(progress, keep + "\n{\"nextIndex\":8");
        Files.move(cut.resolve("data/part-00001.jsonl"), cut.resolve("data/part-00001.jsonl.partial"));
        Files.writeString(cut.resolve("data/part-00001.jsonl.partial"), "{\"id\":\"torn", java.nio.file.StandardOpenOption.APPEND);
        Files.delete(cut.resolve("data/part-00002.jsonl"));
        Files.delete(cut.resolve("data/part-00003.jsonl"));
        Files.delete(cut.resolve("manifest.json"));
        CliResult resumed = TestProject.cli(concat(common, "--out", cut.toString(), "--resume"));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("resuming") && resumed.err().contains("uncommitted"), resumed.err());
        for (int i = 0; i < 4; i++) {
            String shard = String.format("data/part-%05d.jsonl", i);
            assertArrayEquals(Files.readAllBytes(full.resolve(shard)), Files.readAllBytes(cut.resolve(shard)), shard);
        }
    }

    /** A kill after the run was claimed (state/run.json written) but before data/ existed: found by KillResumeTest. */
    @Test
    void resumeAfterAKillBeforeAnyDataDirectory() throws Exception {
        Path full = tmp.resolve("full-early"), early = tmp.resolve("early");
        String[] common = {"generate", "--mix", mix, "--docs", "30"};
        CliResult first = TestProject.cli(concat(common, "--out", full.toString()));
        assertEquals(0, first.code(), first.err());
        CliResult second = TestProject.cli(concat(common, "--out", early.toString()));
        assertEquals(0, second.code(), second.err());
        // Keep only what exists at that moment: the claimed state directory with run.json.
        try (var files = Files.walk(early)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(early) && !p.equals(early.resolve("state")) && !p.equals(early.resolve("state/run.json"))) Files.delete(p);
            }
        }
        CliResult resumed = TestProject.cli(concat(common, "--out", early.toString(), "--resume"));
        assertEquals(0, resumed.code(), resumed.err());
        assertArrayEquals(Files.readAllBytes(full.resolve("data/part-00000.jsonl")), Files.readAllBytes(early.resolve("data/part-00000.jsonl")));
    }

    /** A kill while the run was being claimed leaves only an empty state/ directory: a plain re-run starts it. */
    @Test
    void aRunDirectoryWithOnlyEmptyFoldersIsStartedAfresh() throws Exception {
        Path dir = tmp.resolve("claimed");
        Files.createDirectories(dir.resolve("state"));
        CliResult r = TestProject.cli("generate", "--mix", mix, "--docs", "10", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(dir.resolve("manifest.json")));
        // A directory with any file in it is still refused.
        Path other = tmp.resolve("other");
        Files.createDirectories(other.resolve("notes"));
        Files.writeString(other.resolve("notes/todo.txt"), "mine");
        CliResult refused = TestProject.cli("generate", "--mix", mix, "--docs", "10", "--out", other.toString());
        assertEquals(2, refused.code(), refused.err());
        assertEquals("mine", Files.readString(other.resolve("notes/todo.txt")));
    }

    @Test
    void badSetValueExitsTwoAndWritesNothing() {
        Path a = tmp.resolve("a");
        CliResult r = TestProject.cli("generate", "--mix", mix, "--out", a.toString(), "--set", "output.shard_size=lots");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--set output.shard_size=lots: output.shard_size: must be a whole number"), r.err());
        assertFalse(Files.exists(a));
    }

    @Test
    void planValidateAndArchetypesCommands() {
        CliResult plan = TestProject.cli("plan", "--mix", mix, "--docs", "60");
        assertEquals(0, plan.code(), plan.err());
        assertTrue(plan.out().contains("60 documents"), plan.out());
        CliResult val = TestProject.cli("validate", "--project", TestProject.root().toString());
        assertEquals(0, val.code(), val.err());
        CliResult arch = TestProject.cli("archetypes", "--project", TestProject.root().toString());
        assertTrue(arch.out().contains("comfort-with-shutdown"), arch.out());
        assertEquals(2, TestProject.cli("generate").code(), "missing --mix is bad usage");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

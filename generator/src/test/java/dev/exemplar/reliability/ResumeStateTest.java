package dev.exemplar.reliability;

import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --resume} checks a run's state before it cuts anything: a damaged
 * {@code state/progress.jsonl} (a garbage line, a negative or backwards commit, a commit beyond
 * the data), a finished shard that is missing or shorter than committed, or a corrupt
 * {@code state/run.json} is refused with exit 2 naming the file (and line), and every file of
 * the run is left exactly as it was. A torn last line, which a kill leaves, still resumes.
 */
class ResumeStateTest {
    @TempDir static Path tmp;
    static Path mix;
    static Path finished;

    @BeforeAll
    static void finishedRun() throws IOException {
        mix = ChildCli.writeTemplateMix(tmp, "state", 5, 150, 50, 10);
        finished = tmp.resolve("finished");
        CliResult r = TestProject.cli("generate", "--mix", mix.toString(), "--project", TestProject.root().toString(),
                "--out", finished.toString());
        assertEquals(0, r.code(), r.err());
    }

    private static Path copy(String name) throws IOException {
        Path dir = tmp.resolve(name);
        ConfigFuzzTest.copyTree(finished, dir);
        return dir;
    }

    private static CliResult resume(Path run) {
        return TestProject.cli("generate", "--mix", mix.toString(), "--project", TestProject.root().toString(),
                "--out", run.toString(), "--resume");
    }

    /** Damages a copy of the run, resumes, and checks the refusal and that nothing changed. */
    private static void refused(String name, Damage damage, String expected) throws IOException {
        Path run = copy(name);
        damage.apply(run);
        Map<String, String> before = Trees.snapshot(run);
        CliResult r = resume(run);
        assertEquals(2, r.code(), name + ": " + r.err() + r.out());
        assertTrue(r.err().contains(expected), name + ": expected \"" + expected + "\" in: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals(before, Trees.snapshot(run), name + ": the run was changed");
    }

    interface Damage {
        void apply(Path run) throws IOException;
    }

    private static void editProgress(Path run, java.util.function.UnaryOperator<List<String>> edit) throws IOException {
        Path p = run.resolve("state/progress.jsonl");
        Files.write(p, edit.apply(new ArrayList<>(Files.readAllLines(p))));
    }

    @Test
    void aGarbageLineIsRefusedNotTreatedAsTheEnd() throws IOException {
        refused("garbage-first", run -> editProgress(run, l -> { l.set(0, "garbage"); return l; }), "progress.jsonl:1:");
        refused("garbage-middle", run -> editProgress(run, l -> { l.set(5, "{\"nextIndex\":"); return l; }), "progress.jsonl:6:");
        refused("blank-middle", run -> editProgress(run, l -> { l.add(3, ""); return l; }), "progress.jsonl:4:");
    }

    @Test
    void negativeBackwardsAndBeyondTheDataCommitsAreRefused() throws IOException {
        refused("negative", run -> editProgress(run, l -> {
            l.add("{\"nextIndex\":-5,\"shard\":0,\"shardRecords\":0,\"rejectedRecords\":0}");
            return l;
        }), "negative");
        refused("backwards", run -> editProgress(run, l -> {
            l.add("{\"nextIndex\":20,\"shard\":0,\"shardRecords\":20,\"rejectedRecords\":0}");
            return l;
        }), "goes back");
        refused("beyond", run -> editProgress(run, l -> {
            l.add("{\"nextIndex\":900,\"shard\":9,\"shardRecords\":40,\"rejectedRecords\":0}");
            return l;
        }), "part-00003.jsonl is missing");
        refused("index-off", run -> editProgress(run, l -> {
            l.add(withField(l.get(l.size() - 1), "nextIndex", 1));
            return l;
        }), "is next, but the committed shards hold");
    }

    @Test
    void aMissingOrShortFinishedShardIsRefused() throws IOException {
        refused("deleted-shard", run -> Files.delete(run.resolve("data/part-00000.jsonl")), "part-00000.jsonl is missing");
        refused("short-shard", run -> {
            Path shard = run.resolve("data/part-00001.jsonl");
            List<String> lines = Files.readAllLines(shard);
            Files.write(shard, lines.subList(0, 30));
        }, "part-00001.jsonl holds 30 records but 50 were committed");
        refused("short-rejected", run -> editProgress(run, l -> {
            l.add(withField(withField(l.get(l.size() - 1), "rejectedRecords", 10), "nextIndex", 10));
            return l;
        }), "were committed to rejected.jsonl but it holds");
    }

    /** The commit line with {@code field} raised by {@code add}. */
    private static String withField(String line, String field, long add) {
        try {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) dev.exemplar.doc.Json.MAPPER.readTree(line);
            node.put(field, node.path(field).asLong() + add);
            return dev.exemplar.doc.Json.MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aCorruptRunRecordIsBadInputNamingIt() throws IOException {
        refused("run-json", run -> Files.writeString(run.resolve("state/run.json"), "{\"finger"), "state/run.json");
    }

    @Test
    void aTornLastLineStillResumes() throws IOException {
        Path run = copy("torn");
        Files.writeString(run.resolve("state/progress.jsonl"), "{\"nextIndex\":15", java.nio.file.StandardOpenOption.APPEND);
        CliResult r = resume(run);
        assertEquals(0, r.code(), r.err());
        assertEquals(Trees.snapshot(finished.resolve("data")), Trees.snapshot(run.resolve("data")));
    }
}

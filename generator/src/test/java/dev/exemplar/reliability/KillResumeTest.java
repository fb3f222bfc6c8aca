package dev.exemplar.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.TestProject;
import dev.exemplar.corpus.RunLayout;
import dev.exemplar.doc.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs {@code exemplar generate} in a child JVM, kills it with SIGKILL at 20 seeded points
 * (some timed from process start, so they land in start-up, recovery and shard rolls; some when
 * the output has grown by a seeded amount, so they land mid-write), resumes each time with
 * {@code --resume}, and checks the finished corpus: exactly the planned records, no duplicate
 * ids, no corrupt line, shards byte-identical to an uninterrupted run, and recovery saying so
 * whenever it cut a partial line.
 */
class KillResumeTest {
    private static final long SEED = Long.getLong("exemplar.kill.seed", 8L);
    private static final int KILLS = 20;
    private static final int DOCS = 300;

    @TempDir Path tmp;

    @Test
    @Timeout(900) // a hang guard for a stuck child, not a speed bound
    void killNineAtTwentyPointsThenResumeGivesTheUninterruptedCorpus() throws Exception {
        Path work = ChildCli.fastDir(tmp);
        Path mix = writeMix(work);
        Path reference = work.resolve("reference");
        ChildCli.Result ref = ChildCli.run(work, "ref", "generate", "--mix", mix.toString(), "--project",
                TestProject.root().toString(), "--out", reference.toString());
        assertEquals(0, ref.code(), ref.err());
        long refBytes = outputBytes(reference);
        List<String> refLines = corpusLines(reference);
        assertEquals(DOCS, refLines.size());

        Path run = work.resolve("killed");
        RunLayout layout = new RunLayout(run);
        Random rnd = new Random(SEED);
        int kills = 0, partialsReported = 0, finishedEarly = 0, attempt = 0;
        List<String> log = new ArrayList<>();
        while (kills < KILLS) {
            attempt++;
            boolean resume = Files.exists(layout.runInfo());
            boolean partialBefore = resume && hasPartialLine(layout);
            // Sometimes tear the last line as a power cut would, so recovery must cut it and say so.
            if (resume && !partialBefore && rnd.nextInt(4) == 0 && tear(layout)) partialBefore = true;
            List<String> args = new ArrayList<>(List.of("generate", "--mix", mix.toString(), "--project",
                    TestProject.root().toString(), "--out", run.toString()));
            if (resume) args.add("--resume");
            ChildCli.KillPoint point = rnd.nextBoolean()
                    ? ChildCli.KillPoint.afterMillis(100 + rnd.nextInt(2500))
                    : ChildCli.KillPoint.afterGrowth(() -> outputBytes(run), 1 + rnd.nextInt((int) (refBytes / 6)));
            ChildCli.Result r = ChildCli.runAndKill(work, "kill-" + attempt, point, args.toArray(String[]::new));
            log.add(attempt + ": " + point + (r.killed() ? " -> killed" : " -> exit " + r.code())
                    + "; committed up to plan index " + committedIndex(layout) + ", " + outputBytes(run) + " bytes on disk");
            if (r.err().contains("resuming")) {
                boolean said = r.err().contains("partial last line");
                assertEquals(partialBefore, said, "attempt " + attempt + ": recovery must report a partial line exactly when"
                        + " there was one\n" + r.err());
                if (said) partialsReported++;
            }
            if (r.killed()) {
                kills++;
            } else {
                assertEquals(0, r.code(), "attempt " + attempt + " failed:\n" + r.err());
                // Finished before the kill point: start over so every kill lands in a live run.
                finishedEarly++;
                assertCorpusMatches(reference, run);
                ChildCli.deleteTree(run);
            }
            assertTrue(attempt < KILLS * 4, "too many attempts finished before their kill point:\n" + String.join("\n", log));
        }
        ChildCli.Result last = ChildCli.run(work, "final", "generate", "--mix", mix.toString(), "--project",
                TestProject.root().toString(), "--out", run.toString(), "--resume");
        assertEquals(0, last.code(), last.err());
        assertTrue(last.out().contains("Wrote " + DOCS + " documents"), last.out());
        assertCorpusMatches(reference, run);
        System.out.printf("kill/resume: %d kills, %d attempts finished early, %d partial lines cut and reported%n%s%n",
                kills, finishedEarly, partialsReported, String.join("\n", log));
    }

    private static void assertCorpusMatches(Path reference, Path run) throws IOException {
        List<String> lines = corpusLines(run);
        assertEquals(DOCS, lines.size(), "planned number of records");
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            JsonNode rec = Json.MAPPER.readTree(line); // throws on a corrupt or truncated line
            assertTrue(rec.path("text").isTextual(), "record without text: " + line);
            assertTrue(ids.add(rec.path("id").asText()), "duplicate id " + rec.path("id").asText());
        }
        List<String> refFiles = dataFiles(reference), runFiles = dataFiles(run);
        assertEquals(refFiles, runFiles, "the same shard files");
        for (String f : refFiles) {
            assertArrayEquals(Files.readAllBytes(reference.resolve("data").resolve(f)), Files.readAllBytes(run.resolve("data").resolve(f)),
                    "shard " + f + " differs from the uninterrupted run");
        }
        assertArrayEquals(Files.readAllBytes(reference.resolve("rejected.jsonl")), Files.readAllBytes(run.resolve("rejected.jsonl")),
                "rejected.jsonl differs from the uninterrupted run");
        JsonNode manifest = Json.MAPPER.readTree(run.resolve("manifest.json").toFile());
        assertEquals("complete", manifest.path("status").asText());
        assertEquals(DOCS, manifest.path("counts").path("totals").path("docs").asLong());
    }

    private static Path writeMix(Path dir) throws IOException {
        // Shards of 75 and commits every 30 records (~80 KB, beyond the writer's 64 KB buffer)
        // so a kill can land between commits, mid-line, and across shard rolls.
        return ChildCli.writeTemplateMix(dir, "kill", 7, DOCS, 75, 30);
    }

    /** Accepted records of a run, in shard order (finished shards, then an open one). */
    static List<String> corpusLines(Path run) throws IOException {
        List<String> out = new ArrayList<>();
        for (String f : dataFiles(run)) out.addAll(Files.readAllLines(run.resolve("data").resolve(f), StandardCharsets.UTF_8));
        return out;
    }

    static List<String> dataFiles(Path run) throws IOException {
        Path data = run.resolve("data");
        if (!Files.isDirectory(data)) return List.of();
        try (Stream<Path> s = Files.list(data)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static long outputBytes(Path run) {
        long n = 0;
        try {
            for (String f : dataFiles(run)) n += Files.size(run.resolve("data").resolve(f));
            Path rej = run.resolve("rejected.jsonl");
            if (Files.exists(rej)) n += Files.size(rej);
        } catch (IOException e) {
            // A file renamed between listing and sizing: count it next poll.
        }
        return n;
    }

    private static long committedIndex(RunLayout layout) throws IOException {
        if (!Files.exists(layout.progress())) return 0;
        List<String> lines = Files.readAllLines(layout.progress());
        for (int i = lines.size() - 1; i >= 0; i--) {
            try {
                return Json.MAPPER.readTree(lines.get(i)).path("nextIndex").asLong();
            } catch (IOException torn) {
                // a torn last commit line: the one before it stands
            }
        }
        return 0;
    }

    /** True when an open shard or rejected.jsonl ends in the middle of a line. */
    private static boolean hasPartialLine(RunLayout layout) throws IOException {
        for (Path p : appendTargets(layout)) {
            byte[] b = Files.readAllBytes(p);
            if (b.length > 0 && b[b.length - 1] != '\n') return true;
        }
        return false;
    }

    /** Appends half a record to the open shard, as a torn write leaves it. */
    private static boolean tear(RunLayout layout) throws IOException {
        List<Path> open = appendTargets(layout).stream().filter(p -> p.toString().endsWith(".partial")).toList();
        if (open.isEmpty()) return false;
        Files.writeString(open.get(0), "{\"id\":\"torn-write\",\"index\":99999,\"text\":\"half a reco", StandardOpenOption.APPEND);
        return true;
    }

    private static List<Path> appendTargets(RunLayout layout) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String f : dataFiles(layout.dir())) if (f.endsWith(".partial")) out.add(layout.data().resolve(f));
        if (Files.exists(layout.rejected())) out.add(layout.rejected());
        return out;
    }

    @Test
    void childJvmSeesTheTestClasspath() {
        assertFalse(ChildCli.classpath().isBlank());
        assertTrue(ChildCli.classpath().contains("picocli"), "the child JVM needs the full classpath: " + ChildCli.classpath());
    }
}

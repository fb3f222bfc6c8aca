package dev.exemplar.reliability;

import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code generate} may do to a directory: {@code --overwrite} replaces only a run's own
 * files (refusing, by name, a directory holding anything else, and keeping {@code labels.jsonl}),
 * builds the new run beside the old one so a kill leaves the old run whole, and finishes a swap a
 * kill interrupted; a mix's name cannot lead out of {@code output/}; and a run directory has one
 * writer at a time, with a lock that a killed holder does not leave stale.
 */
class RunDirectoryGuardTest {
    @TempDir Path tmp;

    private Path mix(String name, long seed, int docs) throws IOException {
        return ChildCli.writeTemplateMix(tmp, name, seed, docs, 75, 30);
    }

    private static CliResult generate(Path mix, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("generate", "--mix", mix.toString(), "--project",
                TestProject.root().toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return TestProject.cli(args.toArray(String[]::new));
    }

    @Test
    void overwriteRefusesADirectoryHoldingOtherFilesAndNamesThem() throws IOException {
        Path x = tmp.resolve("x");
        Files.createDirectories(x.resolve("src"));
        Files.writeString(x.resolve("manifest.json"), "{}");
        Files.writeString(x.resolve("src/app.js"), "keep");
        Files.writeString(x.resolve("notes.txt"), "mine");
        Map<String, String> before = Trees.snapshot(x);
        CliResult r = generate(mix("m", 1, 5), x, "--overwrite");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("src/") && r.err().contains("notes.txt"), "names the files: " + r.err());
        assertEquals(before, Trees.snapshot(x), "nothing in the directory changed");
    }

    @Test
    void overwriteReplacesOnlyTheRunAndKeepsLabels() throws IOException {
        Path x = tmp.resolve("run");
        assertEquals(0, generate(mix("one", 1, 40), x).code());
        String oldData = Files.readString(x.resolve("data/part-00000.jsonl"));
        Files.writeString(x.resolve("labels.jsonl"), "{\"id\":\"a\",\"label\":\"good\"}\n");
        CliResult r = generate(mix("two", 2, 40), x, "--overwrite");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Corpus: " + x.resolve("data")), "points at the run, not its build area: " + r.out());
        assertNotEquals(oldData, Files.readString(x.resolve("data/part-00000.jsonl")), "the new seed's run replaced the old");
        assertEquals("{\"id\":\"a\",\"label\":\"good\"}\n", Files.readString(x.resolve("labels.jsonl")), "labels are kept");
        assertFalse(Files.exists(x.resolve(".overwrite")) || Files.exists(x.resolve(".overwrite-old")), "no work areas left");
        Path fresh = tmp.resolve("fresh");
        assertEquals(0, generate(mix("two", 2, 40), fresh).code());
        assertEquals(Trees.snapshot(fresh.resolve("data")), Trees.snapshot(x.resolve("data")), "the same corpus as a fresh run");
    }

    @Test
    @Timeout(600)
    void aKillDuringOverwriteLeavesTheOldRunWholeAndResumeFinishesTheNewOne() throws Exception {
        Path work = ChildCli.fastDir(tmp);
        Path oldMix = ChildCli.writeTemplateMix(work, "old", 1, 150, 50, 10);
        Path newMix = ChildCli.writeTemplateMix(work, "new", 2, 150, 50, 10);
        Path x = work.resolve("run"), reference = work.resolve("reference");
        assertEquals(0, ChildCli.run(work, "old", "generate", "--mix", oldMix.toString(), "--project",
                TestProject.root().toString(), "--out", x.toString()).code());
        assertEquals(0, ChildCli.run(work, "ref", "generate", "--mix", newMix.toString(), "--project",
                TestProject.root().toString(), "--out", reference.toString()).code());
        Map<String, String> old = Trees.snapshot(x, p -> p.getFileName().toString().startsWith("."));
        Path build = x.resolve(".overwrite");
        ChildCli.Result killed = ChildCli.runAndKill(work, "overwrite", ChildCli.KillPoint.afterGrowth(() -> KillResumeTest.outputBytes(build), 20_000),
                "generate", "--mix", newMix.toString(), "--project", TestProject.root().toString(), "--out", x.toString(), "--overwrite");
        assertTrue(killed.killed(), "the overwrite finished before the kill: " + killed.err());
        assertEquals(old, Trees.snapshot(x, p -> p.getFileName().toString().startsWith(".")), "the old run is untouched");
        CliResult audit = TestProject.cli("audit", x.toString());
        assertEquals(0, audit.code(), audit.err());
        assertTrue(audit.out().contains("150"), "the old run still reads as complete: " + audit.out());

        ChildCli.Result resumed = ChildCli.run(work, "resume", "generate", "--mix", newMix.toString(), "--project",
                TestProject.root().toString(), "--out", x.toString(), "--resume");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("unfinished --overwrite"), resumed.err());
        assertEquals(Trees.snapshot(reference.resolve("data")), Trees.snapshot(x.resolve("data")), "the new run, as if never killed");
        assertEquals(Trees.snapshot(reference.resolve("rejected.jsonl")), Trees.snapshot(x.resolve("rejected.jsonl")));
        assertFalse(Files.exists(build), "the build area is gone once swapped in");
    }

    /** A kill after the swap began (its marker written, some entries moved) is rolled forward by the next command. */
    @Test
    void anInterruptedSwapIsFinishedByTheNextCommand() throws IOException {
        Path x = tmp.resolve("run"), next = tmp.resolve("next");
        Path oneMix = mix("one", 1, 30), twoMix = mix("two", 2, 30);
        assertEquals(0, generate(oneMix, x).code());
        assertEquals(0, generate(twoMix, next).code());
        Map<String, String> expected = Trees.snapshot(next.resolve("data"));
        // The state the swap leaves when killed after moving data/ and before the rest.
        Path build = x.resolve(".overwrite"), old = x.resolve(".overwrite-old");
        Files.createDirectories(old);
        Files.createDirectories(build);
        try (var s = Files.list(next)) {
            for (Path p : s.toList()) if (!p.getFileName().toString().startsWith(".")) Files.move(p, build.resolve(p.getFileName().toString()));
        }
        Files.writeString(build.resolve(".swap"), "README.md\ndata\nmanifest.json\nrejected.jsonl\nstate\n");
        Files.move(x.resolve("data"), old.resolve("data"));
        Files.move(build.resolve("data"), x.resolve("data"));
        CliResult r = generate(twoMix, x, "--resume");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("finished replacing"), r.err());
        assertEquals(expected, Trees.snapshot(x.resolve("data")));
        assertFalse(Files.exists(build) || Files.exists(old), "work areas removed");
    }

    @Test
    void aMixNameIsOnePathSegment() throws IOException {
        Path project = tmp.resolve("project");
        ConfigFuzzTest.copyProject(TestProject.root(), project);
        Map<String, String> around = Trees.snapshot(tmp, p -> p.getFileName().toString().endsWith(".err"));
        for (String name : List.of("../../escaped", "/tmp/escaped-abs", "a/b", "..", ".hidden", "sp ace")) {
            Path bad = Files.writeString(project.resolve("mixes/bad.yaml"), """
                    name: "%s"
                    seed: 1
                    target: {docs: 3}
                    archetypes: {comfort-with-shutdown: 1}
                    formats: {short-story: 1}
                    """.formatted(name));
            CliResult v = TestProject.cli("validate", "--project", project.toString(), bad.toString());
            assertEquals(2, v.code(), name + ": " + v.err());
            assertTrue(v.err().contains(bad + ":1: name:"), name + ": names the field and line: " + v.err());
            CliResult g = TestProject.cli("generate", "--mix", bad.toString(), "--project", project.toString());
            assertEquals(2, g.code(), name + ": " + g.err());
            CliResult set = TestProject.cli("generate", "--mix", project.resolve("mixes/default.yaml").toString(),
                    "--project", project.toString(), "--set", "name=" + name, "--docs", "3");
            assertEquals(2, set.code(), name + ": " + set.err());
            assertTrue(set.err().contains("--set name=" + name), "blames the option: " + set.err());
            Files.delete(bad);
        }
        assertFalse(Files.exists(Path.of("/tmp/escaped-abs")));
        assertEquals(around, Trees.snapshot(tmp, p -> p.getFileName().toString().endsWith(".err")), "nothing was written anywhere");
    }

    @Test
    @Timeout(600)
    void aSecondWriterIsRefusedWithTheHoldersPidAndAKilledHolderLeavesNoStaleLock() throws Exception {
        Path work = ChildCli.fastDir(tmp);
        Path bigMix = ChildCli.writeTemplateMix(work, "big", 3, 20_000, 100, 20);
        Path x = work.resolve("run");
        String[] args = {"generate", "--mix", bigMix.toString(), "--project", TestProject.root().toString(), "--out", x.toString()};
        // The holder: a child generate, killed once it has committed a shard.
        ProcessBuilder pb = new ProcessBuilder(childJava(args)).redirectErrorStream(true)
                .redirectOutput(work.resolve("holder.out").toFile());
        Process holder = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (!Files.exists(x.resolve("data/part-00000.jsonl")) && System.nanoTime() < deadline) Thread.sleep(20);
            assertTrue(Files.exists(x.resolve("data/part-00000.jsonl")), "the holder committed a shard");
            Map<String, String> committed = Trees.snapshot(x.resolve("data/part-00000.jsonl"));
            CliResult second = TestProject.cli(concat(args, "--resume"));
            assertEquals(1, second.code(), second.err());
            Matcher pid = Pattern.compile("pid (\\d+)").matcher(second.err());
            assertTrue(pid.find(), "names the holder: " + second.err());
            assertEquals(holder.pid(), Long.parseLong(pid.group(1)), second.err());
            assertEquals(committed, Trees.snapshot(x.resolve("data/part-00000.jsonl")), "the committed shard is untouched");
            CliResult over = TestProject.cli(concat(args, "--overwrite"));
            assertEquals(1, over.code(), "an overwrite waits its turn too: " + over.err());
        } finally {
            holder.destroyForcibly(); // SIGKILL: the OS drops the lock, no shutdown hook runs
            holder.waitFor(60, TimeUnit.SECONDS);
        }
        assertTrue(Files.exists(x.resolve(".exemplar.lock")), "the killed holder left its lock file");
        // A smaller target (a config change, allowed) keeps the test short; what matters is that the lock is not stale.
        CliResult resumed = TestProject.cli(concat(args, "--resume", "--docs", "150", "--allow-config-change"));
        assertEquals(0, resumed.code(), resumed.err());
    }

    private static List<String> childJava(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-cp", ChildCli.classpath(), "dev.exemplar.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

package dev.exemplar.reliability;

import dev.exemplar.TestProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Disk faults: an output directory that cannot be created, a filesystem that fills up mid-run
 * (a 256 KiB tmpfs when the machine lets us mount one, else a file-size limit on the child) and
 * one that another process fills mid-run. Each fails fast with a clear message and a non-zero exit,
 * leaves every finished shard byte-identical to an unfaulted run, and resumes to the same corpus
 * once the fault is gone.
 */
class DiskFaultTest {
    private static final int DOCS = 300;
    @TempDir Path tmp;
    private final List<Path> mounts = new ArrayList<>();

    @AfterEach
    void unmount() throws Exception {
        for (Path m : mounts) sh("umount", "-l", m.toString());
    }

    @Test
    void outputUnderAFileFailsFastAndClearly() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        for (Path out : List.of(file.resolve("run"), Path.of("/proc/exemplar-cannot-write-here"))) {
            TestProject.CliResult r = TestProject.cli("generate", "--mix", writeMix(tmp).toString(), "--project",
                    TestProject.root().toString(), "--out", out.toString());
            assertNotEquals(0, r.code(), r.err());
            assertTrue(r.err().contains("error: ") && r.err().contains(out.toString()), "names the directory: " + r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
            assertFalse(r.out().contains("Wrote"), r.out());
        }
    }

    @Test
    @Timeout(600)
    void fullFilesystemFailsClearlyKeepsShardsAndResumes() throws Exception {
        Path work = ChildCli.fastDir(tmp);
        Path mix = writeMix(work);
        Path reference = work.resolve("reference");
        assertEquals(0, TestProject.cli("generate", "--mix", mix.toString(), "--project", TestProject.root().toString(),
                "--out", reference.toString()).code());

        Path disk = work.resolve("disk");
        Files.createDirectories(disk);
        boolean mounted = mount(disk, "size=256k");
        Path run = disk.resolve("run");
        List<String> args = List.of("generate", "--mix", mix.toString(), "--project", TestProject.root().toString(), "--out", run.toString());
        ChildCli.Result r = mounted
                ? ChildCli.run(work, "full", args.toArray(String[]::new))
                // No mount permission: a 40 KiB per-file limit (below one shard) fails the shard write the same way.
                : ChildCli.runWithFileSizeLimit(work, "full", 40, args.toArray(String[]::new));
        assertNotEquals(0, r.code(), "a full disk must fail the run: " + r.out());
        String err = r.err();
        assertTrue(err.contains(mounted ? "No space left on device" : "File too large"), "says why: " + err);
        assertTrue(err.contains("everything committed before this point is intact"), err);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace: " + err);
        assertFinishedShardsMatch(reference, run, mounted ? 1 : 0);

        // Once there is room again, --resume finishes the same corpus.
        Path moved = work.resolve("moved");
        ConfigFuzzTest.copyTree(run, moved);
        ChildCli.Result resumed = ChildCli.run(work, "resume-full", "generate", "--mix", mix.toString(), "--project",
                TestProject.root().toString(), "--out", moved.toString(), "--resume");
        assertEquals(0, resumed.code(), resumed.err());
        assertFinishedShardsMatch(reference, moved, DOCS / 50);
        assertEquals(DOCS, KillResumeTest.corpusLines(moved).size());
    }

    @Test
    @Timeout(600)
    void diskFilledByAnotherProcessMidRunFailsClearlyKeepsShardsAndResumes() throws Exception {
        Path work = ChildCli.fastDir(tmp);
        Path mix = writeMix(work);
        Path reference = work.resolve("reference");
        assertEquals(0, TestProject.cli("generate", "--mix", mix.toString(), "--project", TestProject.root().toString(),
                "--out", reference.toString()).code());
        Path disk = work.resolve("shareddisk");
        Files.createDirectories(disk);
        org.junit.jupiter.api.Assumptions.assumeTrue(mount(disk, "size=64m"),
                "cannot mount a tmpfs here (needs root); the full-disk test covers write failures with a file-size limit");
        // A read-only remount would be the other classic fault, but the kernel refuses it (EBUSY)
        // while the run holds files open for writing, and root ignores directory permissions; so
        // the mid-run fault is another process filling the disk.
        Path run = disk.resolve("run");
        long refBytes = KillResumeTest.outputBytes(reference);
        Path filler = disk.resolve("filler.bin");
        ChildCli.Result r = ChildCli.runWithAction(work, "filled", () -> KillResumeTest.outputBytes(run) >= refBytes / 3,
                () -> fill(filler),
                "generate", "--mix", mix.toString(), "--project", TestProject.root().toString(), "--out", run.toString());
        assertNotEquals(0, r.code(), r.out());
        assertTrue(r.err().contains("No space left on device"), "says why: " + r.err());
        assertTrue(r.err().contains("everything committed before this point is intact"), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace: " + r.err());
        assertFinishedShardsMatch(reference, run, 1);
        Files.delete(filler);
        ChildCli.Result resumed = ChildCli.run(work, "resume-filled", "generate", "--mix", mix.toString(), "--project",
                TestProject.root().toString(), "--out", run.toString(), "--resume");
        assertEquals(0, resumed.code(), resumed.err());
        assertFinishedShardsMatch(reference, run, DOCS / 50);
    }

    /** Every finished shard of {@code run} equals the reference's; at least {@code min} of them. */
    private static void assertFinishedShardsMatch(Path reference, Path run, int min) throws IOException {
        int finished = 0;
        for (String f : KillResumeTest.dataFiles(run)) {
            if (!f.endsWith(".jsonl")) continue;
            finished++;
            assertArrayEquals(Files.readAllBytes(reference.resolve("data").resolve(f)), Files.readAllBytes(run.resolve("data").resolve(f)),
                    "finished shard " + f + " was damaged by the fault");
        }
        assertTrue(finished >= min, "expected at least " + min + " finished shards, found " + KillResumeTest.dataFiles(run));
    }

    private static Path writeMix(Path dir) throws IOException {
        return ChildCli.writeTemplateMix(dir, "disk", 11, DOCS, 50, 25);
    }

    /** Writes zeros until the filesystem is full. */
    private static boolean fill(Path filler) {
        byte[] mb = new byte[1 << 20];
        try (var out = Files.newOutputStream(filler)) {
            while (true) out.write(mb);
        } catch (IOException full) {
            return full.getMessage() != null && full.getMessage().contains("No space left");
        }
    }

    private boolean mount(Path dir, String options) throws Exception {
        if (!sh("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString())) return false;
        mounts.add(dir);
        return true;
    }

    static boolean sh(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}

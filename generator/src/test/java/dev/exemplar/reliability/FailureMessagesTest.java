package dev.exemplar.reliability;

import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import dev.exemplar.corpus.AtomicFiles;
import dev.exemplar.corpus.CorpusIOException;
import dev.exemplar.doc.IoMessages;
import dev.exemplar.doc.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failures say what happened in words and leave nothing half-written: a permission error says
 * "permission denied"; a write that fails leaves no {@code .tmp} behind (atomic files, and
 * {@code filter} on a disk that fills up); a run resumed under another configuration records both
 * in its manifest and card instead of claiming one seed; and a JVM error (out of memory) is one
 * line and exit 1, never a stack trace.
 */
class FailureMessagesTest {
    @TempDir Path tmp;
    private final List<Path> mounts = new ArrayList<>();

    @AfterEach
    void unmount() throws Exception {
        for (Path m : mounts) DiskFaultTest.sh("umount", "-l", m.toString());
    }

    @Test
    void aPermissionErrorSaysPermissionDenied() {
        // Java's file exceptions carry only the path as their message.
        assertEquals("permission denied", IoMessages.describe(new AccessDeniedException("/x/run/manifest.json")));
        assertEquals("No space left on device", IoMessages.describe(
                new java.nio.file.FileSystemException("/x/a", null, "No space left on device")));
        assertEquals("Permission denied", IoMessages.describe(new java.io.FileNotFoundException("/x/a (Permission denied)")));
    }

    @Test
    void aFailedAtomicWriteLeavesNoTemporaryFile() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("manifest.json"));
        Files.writeString(target.resolve("in-the-way"), "x"); // a non-empty directory where the file should go
        CorpusIOException e = assertThrows(CorpusIOException.class, () -> AtomicFiles.write(target, "{}"));
        assertTrue(e.getMessage().contains("manifest.json"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("manifest.json.tmp")), "the temporary file was left behind");
    }

    @Test
    @Timeout(300)
    void filterOnAFullDiskLeavesNoTemporaryFiles() throws Exception {
        Path disk = Files.createDirectories(tmp.resolve("disk"));
        Assumptions.assumeTrue(DiskFaultTest.sh("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString()),
                "cannot mount a tmpfs here (needs root)");
        mounts.add(disk);
        StringBuilder in = new StringBuilder();
        String text = "A line of plain prose that the quality filters will keep, with stop words and the rest. ".repeat(8);
        for (int i = 0; i < 400; i++) in.append(Json.MAPPER.createObjectNode().put("id", "d" + i).put("text", text + i)).append('\n');
        Path input = Files.writeString(tmp.resolve("in.jsonl"), in);
        Path out = disk.resolve("out");
        CliResult r = TestProject.cli("filter", "--in", input.toString(), "--out", out.toString(), "--project",
                TestProject.root().toString(), "--no-embeddings");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("No space left on device"), r.err());
        try (var files = Files.walk(disk)) {
            List<Path> tmps = files.filter(p -> p.toString().endsWith(".tmp")).toList();
            assertTrue(tmps.isEmpty(), "left behind: " + tmps);
        }
    }

    @Test
    void aRunResumedUnderAnotherConfigurationSaysSo() throws IOException {
        Path mix = ChildCli.writeTemplateMix(tmp, "configs", 1, 40, 50, 10);
        Path run = tmp.resolve("run");
        String[] common = {"generate", "--mix", mix.toString(), "--project", TestProject.root().toString(), "--out", run.toString()};
        assertEquals(0, TestProject.cli(common).code());
        CliResult resumed = TestProject.cli(concat(common, "--resume", "--seed", "2", "--docs", "60", "--allow-config-change"));
        assertEquals(0, resumed.code(), resumed.err());
        var configs = Json.MAPPER.readTree(run.resolve("manifest.json").toFile()).path("configurations");
        assertEquals(2, configs.size(), configs.toString());
        assertEquals(1, configs.get(0).path("seed").asLong());
        assertEquals(0, configs.get(0).path("from_index").asLong());
        assertEquals(2, configs.get(1).path("seed").asLong());
        assertEquals(40, configs.get(1).path("from_index").asLong());
        String card = Files.readString(run.resolve("README.md"));
        assertTrue(card.contains("2 configurations") && !card.contains("gives byte-identical"), card);
    }

    /** In a child JVM with a small heap: a single 200 MB line cannot be read, and says so in one line. */
    @Test
    @Timeout(300)
    void outOfMemoryIsOneLineAndExitOne() throws Exception {
        Path huge = tmp.resolve("huge.jsonl");
        try (OutputStream out = Files.newOutputStream(huge)) {
            out.write("{\"text\":\"".getBytes());
            byte[] block = "word ".repeat(200_000).getBytes();
            for (int i = 0; i < 200; i++) out.write(block);
            out.write("\"}\n".getBytes());
        }
        Path log = tmp.resolve("oom.out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-XX:+UseSerialGC", "-cp", ChildCli.classpath(), "dev.exemplar.cli.Main", "dedup", "--in", huge.toString(),
                "--out", tmp.resolve("deduped").toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "the child hung");
        String output = Files.readString(log);
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.contains("error: out of memory"), output);
        assertFalse(output.contains("Exception in thread") || output.contains("\tat "), "a stack trace: " + output);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

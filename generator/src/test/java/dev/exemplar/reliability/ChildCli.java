package dev.exemplar.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Runs {@code dev.exemplar.cli.Main} in a child JVM on the test classpath, with output captured
 * to files (so a full pipe never blocks the child), optionally killing it with SIGKILL.
 */
final class ChildCli {
    private ChildCli() {}

    /** How a child ended; {@code killed} when the test killed it. */
    record Result(int code, boolean killed, String out, String err) {}

    /** When to kill: after a delay from start, or once {@code size} has grown by {@code growth}. */
    record KillPoint(long millis, LongSupplier size, long growth) {
        static KillPoint afterMillis(long ms) { return new KillPoint(ms, null, 0); }
        static KillPoint afterGrowth(LongSupplier size, long bytes) { return new KillPoint(0, size, bytes); }
        @Override public String toString() {
            return size == null ? "kill " + millis + " ms after start" : "kill after " + growth + " more bytes of output";
        }
    }

    static String classpath() {
        return System.getProperty("java.class.path");
    }

    /**
     * A scratch directory for run output: tmpfs when the machine has one (a SIGKILL keeps the page
     * cache, so this tests the same guarantee while sparing a shared disk thousands of fsyncs),
     * else {@code fallback}.
     */
    static Path fastDir(Path fallback) throws IOException {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            Path d = Files.createTempDirectory(shm, "exemplar-test-");
            d.toFile().deleteOnExit();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(d)));
            return d;
        }
        return fallback;
    }

    static Result run(Path work, String name, String... args) throws IOException, InterruptedException {
        return runAndKill(work, name, null, Map.of(), args);
    }

    static Result runAndKill(Path work, String name, KillPoint kill, String... args) throws IOException, InterruptedException {
        return runAndKill(work, name, kill, Map.of(), args);
    }

    static Result runAndKill(Path work, String name, KillPoint kill, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return start(work, name, javaCommand(args), kill, null, null, env);
    }

    /** Runs with a per-file size limit (ulimit -f, in KiB): writes past it fail as on a full disk. */
    static Result runWithFileSizeLimit(Path work, String name, int kib, String... args) throws IOException, InterruptedException {
        List<String> java = javaCommand(args);
        StringBuilder sb = new StringBuilder("ulimit -f " + kib + " && exec");
        for (String a : java) sb.append(" '").append(a.replace("'", "'\\''")).append('\'');
        return start(work, name, List.of("bash", "-c", sb.toString()), null, null, null, Map.of());
    }

    /** Runs and performs {@code action} once {@code when} holds (polled every few ms), then lets the child finish. */
    static Result runWithAction(Path work, String name, java.util.function.BooleanSupplier when, Action action, String... args)
            throws IOException, InterruptedException {
        return start(work, name, javaCommand(args), null, when, action, Map.of());
    }

    /** Something done to the child's world mid-run (e.g. remounting its disk read-only). */
    interface Action {
        boolean run() throws Exception;
    }

    private static List<String> javaCommand(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath(), "dev.exemplar.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static Result start(Path work, String name, List<String> cmd, KillPoint kill, java.util.function.BooleanSupplier when,
                                Action action, Map<String, String> env) throws IOException, InterruptedException {
        Path out = work.resolve(name + ".out"), err = work.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (when != null) {
            while (p.isAlive()) {
                if (when.getAsBoolean()) {
                    try {
                        if (!action.run()) throw new IllegalStateException("the mid-run action failed");
                    } catch (Exception e) {
                        p.destroyForcibly();
                        throw new IllegalStateException(e);
                    }
                    break;
                }
                Thread.sleep(2);
            }
        }
        boolean killed = false;
        if (kill != null) {
            long start = System.nanoTime();
            long base = kill.size() == null ? 0 : kill.size().getAsLong();
            while (p.isAlive()) {
                boolean due = kill.size() == null
                        ? System.nanoTime() - start >= kill.millis() * 1_000_000L
                        : kill.size().getAsLong() - base >= kill.growth();
                if (due) {
                    p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flushing
                    killed = true;
                    break;
                }
                Thread.sleep(2);
            }
        }
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("child did not finish in 300 s: " + String.join(" ", cmd));
        }
        // A child that exited on its own just before the kill is not a kill.
        if (killed && p.exitValue() != 137 && p.exitValue() != 9) killed = false;
        return new Result(p.exitValue(), killed, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // Best effort: leftovers in a temp directory harm nothing.
        }
    }

    /**
     * Writes a small template-only mix for writer tests: shards of {@code shardSize}, a commit every
     * {@code commitEvery} samples. The writer is under test, not the filters, so the embedding-based
     * filters are off to keep CI fast.
     */
    static Path writeTemplateMix(Path dir, String name, long seed, int docs, int shardSize, int commitEvery)
            throws IOException {
        Path mix = dir.resolve("mixes/" + name + ".yaml");
        Files.createDirectories(mix.getParent());
        Files.writeString(mix, """
                name: %s
                seed: %d
                target: {docs: %d}
                archetypes: {comfort-with-shutdown: 1, uncertainty-about-own-nature: 1, lacking-persistent-memory: 1}
                formats: {short-story: 1, chat-transcript: 1}
                generators: {template: 1}
                output: {shard_size: %d, commit_every: %d}
                filters: {adherence: false, tropes: {embeddings: false}}
                """.formatted(name, seed, docs, shardSize, commitEvery));
        return mix;
    }
}

package dev.exemplar;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Helpers for tests: the project root, the shared folder, and running the CLI with captured output. */
public final class TestProject {
    private TestProject() {}

    /** The project root (tests run in generator/). */
    public static Path root() {
        Path p = Path.of("").toAbsolutePath();
        return Files.isDirectory(p.resolve("archetypes")) ? p : p.getParent();
    }

    /** ../shared beside the project root, or null when absent (a user's fresh clone). */
    public static Path shared() {
        Path s = root().resolveSibling("shared");
        return Files.isDirectory(s) ? s : null;
    }

    /** A copy of the shipped project (specs, templates, mixes) in {@code to}, to plant mistakes in; returns {@code to}. */
    public static Path copyProject(Path to) throws java.io.IOException {
        for (String dir : new String[] {"archetypes", "templates", "mixes"}) {
            Path from = root().resolve(dir);
            try (java.util.stream.Stream<Path> s = Files.walk(from)) {
                for (Path p : s.toList()) {
                    Path dest = to.resolve(dir).resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(dest);
                    else Files.copy(p, dest);
                }
            }
        }
        return to;
    }

    /** The result of one CLI invocation. */
    public record CliResult(int code, String out, String err) {}

    /** Runs the CLI in this JVM, capturing System.out and System.err. Not thread-safe. */
    public static synchronized CliResult cli(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = dev.exemplar.cli.Main.run(args);
            return new CliResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}

package dev.exemplar.spark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs {@code exemplar} and {@code exemplar-spark} command lines in this JVM with captured output. */
final class Cli {
    record Result(int code, String out, String err) {}

    private Cli() {}

    /** The project root (tests run in spark/). */
    static Path root() {
        return Path.of("").toAbsolutePath().getParent();
    }

    static Result exemplar(String... args) {
        return capture(() -> dev.exemplar.cli.Main.run(args));
    }

    static Result spark(String... args) {
        LocalSpark.context();  // the shared session, which the command then uses and leaves running
        return capture(() -> dev.exemplar.cli.SparkCli.run("local[2]", args));
    }

    private static synchronized Result capture(java.util.function.IntSupplier run) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = run.getAsInt();
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}

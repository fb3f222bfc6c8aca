package dev.exemplar.spark;

import dev.exemplar.corpus.AtomicFiles;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Json;
import org.apache.spark.api.java.JavaRDD;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** What the Spark jobs share about their output directory and the input lines that are not records. */
public final class SparkOutput {
    /** A line that is not a record, with the message every command gives for it. */
    public record BadLine(long position, String message) implements Serializable {}

    /** Orders bad lines by position, so the one reported is the first in the input. */
    static final class ByPosition implements Comparator<Object>, Serializable {
        @Override
        public int compare(Object a, Object b) {
            return Long.compare(((BadLine) a).position(), ((BadLine) b).position());
        }
    }

    private SparkOutput() {}

    /** Refuses to overwrite outputs unless asked; with {@code overwrite}, removes the old ones (files or part directories). */
    public static void prepare(Path out, List<String> names, boolean overwrite) {
        try {
            if (Files.exists(out) && !Files.isDirectory(out)) throw new BadInputException(out + ": exists and is not a directory");
            Files.createDirectories(out);
            for (String n : names) {
                Path p = out.resolve(n);
                if (!Files.exists(p)) continue;
                if (!overwrite) {
                    throw new BadInputException(p + " already exists; pass --overwrite to replace it or choose another --out");
                }
                try (Stream<Path> s = Files.walk(p)) {
                    for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(x);
                }
            }
        } catch (IOException e) {
            throw new BadInputException(out + ": cannot prepare the output directory: " + e.getMessage());
        }
    }

    /** The URI of a part-file directory under {@code out}. */
    public static String dir(Path out, String name) {
        return out.toAbsolutePath().resolve(name).toUri().toString();
    }

    /**
     * Handles the bad lines among parsed rows: under FAIL the first one in input order stops the
     * job (nothing written yet); under SKIP each is reported and counted.
     */
    public static long badLines(JavaRDD<Object> parsed, BadLinePolicy policy, Consumer<String> log) {
        JavaRDD<Object> bad = parsed.filter(o -> o instanceof BadLine);
        if (policy == BadLinePolicy.FAIL) {
            List<Object> first = bad.takeOrdered(1, new ByPosition());
            if (!first.isEmpty()) {
                throw new BadInputException(((BadLine) first.get(0)).message() + " (use --on-bad-line skip to skip such lines)");
            }
            return 0;
        }
        long n = bad.count();
        for (Object b : bad.takeOrdered(1000, new ByPosition())) log.accept(((BadLine) b).message() + "; skipped");
        if (n > 1000) log.accept((n - 1000) + " more bad lines skipped");
        return n;
    }

    /** Why a line is not a record, in the words every command uses. */
    public static String problem(byte[] line) {
        return dev.exemplar.step.JsonlSource.problem(line, 0, line.length);
    }

    /** Writes a JSON file atomically. */
    public static void writeJson(Path file, Object value) {
        try {
            AtomicFiles.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

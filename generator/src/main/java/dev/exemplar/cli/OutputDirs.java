package dev.exemplar.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * An output directory a command creates for itself leaves no trace when the command fails before
 * writing anything there (bad input found after the writers were opened): "nothing written" means
 * no empty folders either.
 */
final class OutputDirs {
    private OutputDirs() {}

    /** Runs {@code body}; if it fails and {@code dir} did not exist before, removes what is left of it if that is only empty folders. */
    static <T> T cleanOnFailure(Path dir, Callable<T> body) throws Exception {
        boolean existed = Files.exists(dir, LinkOption.NOFOLLOW_LINKS);
        try {
            return body.call();
        } catch (Exception | Error e) {
            if (!existed) removeEmpty(dir);
            throw e;
        }
    }

    private static void removeEmpty(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            // Deleting a folder that is not empty fails, so only empty ones go.
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) Files.delete(p);
            }
        } catch (IOException ignored) {
            // Something was written after all: it stays, and the error says what failed.
        }
    }
}

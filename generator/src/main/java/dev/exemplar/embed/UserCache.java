package dev.exemplar.embed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The user's cache directory for things Exemplar derives once and reuses across runs (the static
 * embedding model, trained trope models): {@code $XDG_CACHE_HOME/exemplar} when that is set to an
 * absolute path, else {@code ~/.cache/exemplar}. Files are written atomically, so a reader never
 * sees half a file.
 */
public final class UserCache {
    private UserCache() {}

    public static Path directory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("exemplar");
    }

    /** Writes atomically: a temporary file beside the target, then a rename. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** SHA-256 of bytes, in hex. */
    public static String sha256(byte[] bytes) {
        return BundledMiniLm.sha256(bytes);
    }
}

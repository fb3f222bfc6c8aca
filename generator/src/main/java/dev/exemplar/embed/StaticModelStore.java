package dev.exemplar.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Where the static model lives and how it gets there: built by {@code exemplar embeddings build}
 * or at first use, cached under the user's cache directory ({@code $XDG_CACHE_HOME/exemplar}, else
 * {@code ~/.cache/exemplar}), verified by its checksum on every load. A damaged or missing file
 * is rebuilt; a cache directory that cannot be written costs a rebuild per process, not a failure.
 */
public final class StaticModelStore {
    /** Changes whenever the builder's method or parameters change, so old caches are not reused. */
    static final String METHOD = "m2v3-" + StaticModelBuilder.DIMENSIONS + "d";

    /** What a build wrote. */
    public record Built(Path file, String sha256, long bytes, double seconds) {}

    private final Path file;
    private final Consumer<String> notices;

    /** @param notices told, in one line each, when a model is built or a damaged file replaced */
    public StaticModelStore(Path file, Consumer<String> notices) {
        this.file = file;
        this.notices = notices;
    }

    /** The store at the default place in the user's cache directory. */
    public static StaticModelStore inUserCache(Consumer<String> notices) {
        return new StaticModelStore(defaultFile(), notices);
    }

    public Path file() { return file; }

    /** The user's cache directory ({@link UserCache#directory}). */
    public static Path cacheDirectory() {
        return UserCache.directory();
    }

    /** The cache file for this version of the bundled model and this build method. */
    public static Path defaultFile() {
        String version = BundledMiniLm.version().replaceAll("[^A-Za-z0-9._-]", "_");
        return cacheDirectory().resolve("minilm-static-" + version + "-" + METHOD + ".bin");
    }

    /** What {@link #check} found in a model file. */
    public record Check(boolean intact, String problem, long bytes, String sha256) {}

    /** Reads a model file and verifies it, without building anything. */
    public static Check check(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String sum = BundledMiniLm.sha256(bytes);
        try {
            StaticModelFile.decode(bytes, file);
            return new Check(true, null, bytes.length, sum);
        } catch (StaticModelFile.DamagedException e) {
            return new Check(false, e.getMessage(), bytes.length, sum);
        }
    }

    /** Builds the model and writes it here, replacing what was there. */
    public Built build() throws IOException {
        long t0 = System.nanoTime();
        byte[] bytes = StaticModelFile.encode(StaticModelBuilder.build(n -> {}));
        UserCache.write(file, bytes);
        return new Built(file, BundledMiniLm.sha256(bytes), bytes.length, (System.nanoTime() - t0) / 1e9);
    }

    /** The model from the cache, building (and caching) it when it is missing or damaged. */
    public StaticVectors load() {
        if (Files.isRegularFile(file)) {
            try {
                return StaticModelFile.read(file);
            } catch (StaticModelFile.DamagedException e) {
                notices.accept("the cached static embedding model is damaged (" + e.getMessage() + "); rebuilding it");
            } catch (IOException e) {
                notices.accept("cannot read the cached static embedding model " + file + " (" + e.getMessage() + "); rebuilding it");
            }
        } else {
            notices.accept("building the static embedding model once (about a minute), cached at " + file);
        }
        StaticVectors v = StaticModelBuilder.build(n -> {});
        try {
            UserCache.write(file, StaticModelFile.encode(v));
        } catch (IOException | UncheckedIOException e) {
            notices.accept(String.format(Locale.ROOT, "cannot cache the static embedding model at %s (%s); "
                    + "it will be rebuilt next time", file, e.getMessage()));
        }
        return v;
    }
}

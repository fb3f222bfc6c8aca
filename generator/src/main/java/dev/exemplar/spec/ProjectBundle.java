package dev.exemplar.spec;

import dev.exemplar.cache.JvmCache;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A project's files in memory (archetype specs, templates, banks, formats, the lexicon and its
 * statements), keyed by their path relative to the project root. This is how a {@link Catalog}
 * travels: it is read from a directory or the classpath, serialised to executors, and turned back
 * into a catalog there with {@link Catalog#fromBundle}, once per JVM.
 *
 * @param origin where the files came from, for messages ({@code /home/me/project}, {@code classpath:exemplar-project})
 */
public record ProjectBundle(String origin, SortedMap<String, byte[]> files) implements Serializable {
    /** The top-level directories a catalog reads. */
    public static final List<String> DIRECTORIES = List.of("archetypes", "templates", "filters");
    /** Where a job jar carries a project (see the exemplar-spark module). */
    public static final String CLASSPATH_ROOT = "exemplar-project";

    public ProjectBundle {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** Reads {@link #DIRECTORIES} below a project root on any file system (a directory, a jar). */
    public static ProjectBundle read(Path root, String origin) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (String dir : DIRECTORIES) {
            Path d = root.resolve(dir);
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.walk(d)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the project in " + origin + ": " + e.getMessage(), e);
            }
        }
        return new ProjectBundle(origin, files);
    }

    /** The project a jar (or a classes directory) carries under {@value #CLASSPATH_ROOT}/, or null when it carries none. */
    public static ProjectBundle fromClasspath(ClassLoader loader) {
        URL url = loader.getResource(CLASSPATH_ROOT + "/archetypes");
        if (url == null) return null;
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return read(Path.of(uri).getParent().getParent(), "classpath:" + CLASSPATH_ROOT);
            }
            FileSystem fs;
            boolean opened = false;
            try {
                fs = FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException e) {
                fs = FileSystems.newFileSystem(uri, Map.of());
                opened = true;
            }
            try {
                return read(fs.getPath("/" + CLASSPATH_ROOT), "classpath:" + CLASSPATH_ROOT);
            } finally {
                if (opened) fs.close();
            }
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException("cannot read the project on the classpath at " + url, new IOException(e.getMessage(), e));
        }
    }

    /** A SHA-256 of every path and its bytes: equal bundles, equal hashes. */
    public String hash() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (var e : files.entrySet()) {
                md.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(e.getValue());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Total bytes of the files, for messages. */
    public long bytes() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }

    /**
     * A directory holding the files, written once per JVM into a private temporary directory
     * (removed at exit), so every loader of the project reads them as it reads a checkout.
     */
    public Path unpack() {
        return JvmCache.get("project-dir:" + hash(), () -> {
            try {
                Path dir = Files.createTempDirectory("exemplar-project-");
                for (var e : files.entrySet()) {
                    Path p = dir.resolve(e.getKey()).normalize();
                    if (!p.startsWith(dir)) throw new IOException("bundle entry " + e.getKey() + " leaves the project");
                    Files.createDirectories(p.getParent());
                    Files.write(p, e.getValue());
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack the project " + origin + ": " + e.getMessage(), e);
            }
        });
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory left behind is harmless.
        }
    }
}

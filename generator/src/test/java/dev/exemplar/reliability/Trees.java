package dev.exemplar.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Snapshots of directory trees (relative path to a hash of the content), to prove what a command did not touch. */
final class Trees {
    private Trees() {}

    /** Every file and directory under {@code root}, directories as "dir/", files with a SHA-256 of their bytes, links by target. */
    static Map<String, String> snapshot(Path root) {
        return snapshot(root, p -> false);
    }

    /** As {@link #snapshot(Path)}, leaving out paths (and what is below them) that {@code skip} accepts. */
    static Map<String, String> snapshot(Path root, Predicate<Path> skip) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(root)) return out;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                if (p.equals(root) || skipped(root, p, skip)) continue;
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) out.put(rel, "link to " + Files.readSymbolicLink(p));
                else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) out.put(rel + "/", "dir");
                else out.put(rel, sha256(Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean skipped(Path root, Path p, Predicate<Path> skip) {
        for (Path q = p; q != null && !q.equals(root); q = q.getParent()) if (skip.test(q)) return true;
        return false;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

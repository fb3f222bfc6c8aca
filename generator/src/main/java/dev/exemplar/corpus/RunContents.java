package dev.exemplar.corpus;

import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.IoMessages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a run directory may hold, and which of it a run wrote: its data shards, state, model
 * journals ({@code llm/}), manifest, card and rejected samples are the run's own; the reviewers'
 * {@code labels.jsonl} and the lock file belong to the directory and are kept; anything else is
 * the user's ("foreign"), and no command deletes or replaces a directory holding it.
 */
public final class RunContents {
    /** Top-level entries a run writes (and {@code --overwrite} replaces), in the order they are swapped. */
    public static final List<String> RUN_ENTRIES = List.of("data", "state", "llm", "rejected.jsonl", "manifest.json",
            "README.md", "manifest.json.tmp", "README.md.tmp");
    /** Entries that stay when a run is replaced. */
    public static final Set<String> KEPT = Set.of("labels.jsonl", RunLock.FILE);
    /** The only files a run writes in {@code data/}: finished and open shards. */
    private static final Pattern SHARD = Pattern.compile("part-\\d{5,}\\.jsonl(\\.partial)?");

    private RunContents() {}

    /** A run's marks: its manifest or its run state. */
    public static boolean isRun(Path dir) {
        RunLayout l = new RunLayout(dir);
        return Files.exists(l.manifest()) || Files.exists(l.runInfo());
    }

    /**
     * True when {@code dir} is missing or holds no file but the lock (empty folders, which a kill
     * while a run was being claimed can leave, do not count).
     */
    public static boolean isEmpty(Path dir) {
        if (!Files.isDirectory(dir)) return true;
        try (Stream<Path> s = Files.walk(dir)) {
            return s.noneMatch(p -> !Files.isDirectory(p) && !p.equals(RunLock.file(dir)));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Paths under {@code dir} (relative, sorted) that no run wrote: anything at the top but the run's
     * entries, the kept ones and the overwrite work areas, and anything in {@code data/} but shards.
     */
    public static List<String> foreign(Path dir) {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> top = Files.list(dir)) {
            for (Path p : top.sorted().toList()) {
                String name = p.getFileName().toString();
                if (KEPT.contains(name) || RunBuild.WORK_AREAS.contains(name)) continue;
                if (!RUN_ENTRIES.contains(name)) {
                    out.add(name + (Files.isDirectory(p) ? "/" : ""));
                } else if (name.equals("data") && Files.isDirectory(p)) {
                    try (Stream<Path> data = Files.list(p)) {
                        data.sorted().filter(f -> !SHARD.matcher(f.getFileName().toString()).matches())
                                .forEach(f -> out.add("data/" + f.getFileName() + (Files.isDirectory(f) ? "/" : "")));
                    }
                }
            }
        } catch (IOException e) {
            throw new CorpusIOException("cannot list " + dir + ": " + IoMessages.describe(e), e);
        }
        return out;
    }

    /** Refuses (bad input, naming them) to replace a run in a directory that also holds other files. */
    public static void requireOnlyRunFiles(Path dir) {
        List<String> foreign = foreign(dir);
        if (!foreign.isEmpty()) {
            throw new BadInputException(dir + " holds files a run does not write: " + describe(foreign)
                    + "; --overwrite replaces only a run's own files, so move those elsewhere or choose another --out");
        }
    }

    /** A short list of paths for a message: the first few, then how many more. */
    public static String describe(List<String> paths) {
        int show = Math.min(paths.size(), 8);
        String head = String.join(", ", paths.subList(0, show));
        return paths.size() > show ? head + " and " + (paths.size() - show) + " more" : head;
    }

    /** Deletes a file or a directory tree; missing is fine. */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(p);
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }
}

package dev.exemplar.corpus;

import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.IoMessages;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where {@code generate} writes a run, under the directory's {@link RunLock}. A new run or a resumed
 * one is written in place. {@code --overwrite} of an existing run builds the new run beside it, in
 * {@code DIR/.overwrite}, and swaps it in only once it is complete: until then the old run stays
 * whole and readable, a kill loses nothing of it, and {@code --resume} continues the unfinished
 * build. The swap renames the run's own entries one by one after writing a marker, so a kill
 * during the swap is rolled forward by the next command. Only a run's own files are replaced; a
 * directory holding anything else is refused, naming it, and {@code labels.jsonl} is kept.
 */
public final class RunBuild implements AutoCloseable {
    static final String BUILD = ".overwrite";
    static final String OLD = ".overwrite-old";
    /** Written into the build when it is complete: its entries, which a kill mid-swap rolls forward. */
    static final String MARKER = ".swap";
    /** Work areas of an overwrite inside the run directory. */
    public static final Set<String> WORK_AREAS = Set.of(BUILD, OLD);

    private final Path dir;
    private final Path buildDir;
    private final boolean resume;
    private final RunLock lock;
    private final boolean created;
    private final List<String> notes;

    private RunBuild(Path dir, Path buildDir, boolean resume, RunLock lock, boolean created, List<String> notes) {
        this.dir = dir;
        this.buildDir = buildDir;
        this.resume = resume;
        this.lock = lock;
        this.created = created;
        this.notes = notes;
    }

    /**
     * Checks {@code dir} (before writing anything to it), locks it, completes a swap a kill
     * interrupted, and decides where the run is built.
     *
     * @throws BadInputException when the directory holds files the request would clobber
     * @throws RunInUseException when another process is writing it
     */
    public static RunBuild open(Path dir, boolean resume, boolean overwrite) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException(dir + " is a file, not a directory; choose another --out");
        }
        refuse(dir, resume, overwrite);
        boolean created = !Files.exists(dir);
        RunLock lock = RunLock.acquire(dir, "generate");
        try {
            List<String> notes = new ArrayList<>();
            if (recover(dir)) notes.add("finished replacing the run in " + dir + " (an earlier --overwrite was interrupted while swapping it in)");
            refuse(dir, resume, overwrite); // again, now that nobody else can change it
            Path build = dir.resolve(BUILD);
            Path where = dir;
            if (resume && Files.isDirectory(build)) {
                where = build;
                notes.add("continuing the unfinished --overwrite in " + build + "; the previous run stays in "
                        + dir + " until it completes");
            } else if (overwrite) {
                RunContents.deleteTree(build);
                if (hasRunEntries(dir)) where = build;
            }
            return new RunBuild(dir, where, resume, lock, created, notes);
        } catch (IOException e) {
            release(dir, lock, created);
            throw new CorpusIOException("cannot prepare " + dir + ": " + IoMessages.describe(e), e);
        } catch (RuntimeException e) {
            release(dir, lock, created);
            throw e;
        }
    }

    /** Where the pipeline writes: the run directory, or the overwrite's build beside the old run. */
    public Path buildDir() { return buildDir; }

    /** The run directory the user named. */
    public Path dir() { return dir; }

    /** Whether the build replaces an existing run when it completes. */
    public boolean replacing() { return !buildDir.equals(dir); }

    /** Messages for the user about what was found (a swap completed, an overwrite continued). */
    public List<String> notes() { return notes; }

    /** Whether the pipeline should resume what is in {@link #buildDir}. */
    public boolean resume() { return resume; }

    /** After the pipeline: a complete build replaces the old run; an incomplete one waits for --resume. */
    public void finish(boolean complete) {
        if (!replacing() || !complete) return;
        try {
            Path build = dir.resolve(BUILD);
            List<String> names = new ArrayList<>();
            try (Stream<Path> s = Files.list(build)) {
                s.map(p -> p.getFileName().toString()).sorted().forEach(names::add);
            }
            AtomicFiles.write(build.resolve(MARKER), String.join("\n", names) + "\n");
            rollForward(dir);
        } catch (IOException e) {
            throw new CorpusIOException("cannot swap the new run into " + dir + ": " + IoMessages.describe(e)
                    + "; the next generate on it finishes the swap", e);
        }
    }

    /** Releases the lock; a directory this build created and never wrote (bad input found late) is removed again. */
    @Override
    public void close() {
        release(dir, lock, created);
    }

    private static void release(Path dir, RunLock lock, boolean created) {
        boolean untouched = created && RunContents.isEmpty(dir);
        lock.close();
        if (!untouched) return;
        try (Stream<Path> s = Files.walk(dir)) {
            Files.deleteIfExists(RunLock.file(dir));
            // Only the lock and empty folders: deleting a folder that is not empty fails, so nothing else can go.
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.delete(p);
            }
        } catch (IOException ignored) {
            // Another process started using it meanwhile; an empty directory harms nothing.
        }
    }

    /** Refuses, before anything is written, a directory the request would clobber or that is no run. */
    private static void refuse(Path dir, boolean resume, boolean overwrite) {
        if (RunContents.isEmpty(dir)) return;
        if (!RunContents.isRun(dir) && !Files.isDirectory(dir.resolve(BUILD))) {
            throw new BadInputException(dir + " holds files but is not an Exemplar run (no manifest.json or state/run.json); "
                    + "choose an empty or new --out");
        }
        if (resume) return;
        if (!overwrite) {
            throw new BadInputException(dir + " already holds files; add --resume to continue that run or --overwrite to replace it");
        }
        RunContents.requireOnlyRunFiles(dir);
    }

    private static boolean hasRunEntries(Path dir) {
        for (String e : RunContents.RUN_ENTRIES) if (Files.exists(dir.resolve(e))) return true;
        return false;
    }

    /** Completes a swap that was interrupted and removes what a finished swap left; true when a swap was completed. */
    private static boolean recover(Path dir) throws IOException {
        boolean swapped = false;
        if (Files.exists(dir.resolve(BUILD).resolve(MARKER))) {
            rollForward(dir);
            swapped = true;
        }
        RunContents.deleteTree(dir.resolve(OLD));
        return swapped;
    }

    /**
     * Moves the old run's entries aside and the build's into place, then deletes both work areas.
     * Idempotent, so a kill at any point is completed by running it again.
     */
    private static void rollForward(Path dir) throws IOException {
        Path build = dir.resolve(BUILD), old = dir.resolve(OLD);
        Set<String> fresh = new LinkedHashSet<>(Files.readAllLines(build.resolve(MARKER)));
        fresh.remove("");
        fresh.remove(MARKER);
        Set<String> names = new LinkedHashSet<>(RunContents.RUN_ENTRIES);
        names.addAll(fresh);
        Files.createDirectories(old);
        for (String name : names) {
            Path cur = dir.resolve(name), next = build.resolve(name);
            boolean replace = fresh.contains(name);
            if (replace && !Files.exists(next)) continue; // already moved in by an earlier, interrupted swap
            if (Files.exists(cur)) {
                RunContents.deleteTree(old.resolve(name));
                Files.move(cur, old.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
            if (replace) Files.move(next, cur, StandardCopyOption.ATOMIC_MOVE);
        }
        syncDirectory(dir);
        RunContents.deleteTree(build);
        RunContents.deleteTree(old);
    }

    /** Makes the renames durable (best effort: not every file system lets a directory be opened). */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // Renames still happen; only their durability across power loss is less certain.
        }
    }
}

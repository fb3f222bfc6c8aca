package dev.exemplar.audit;

import dev.exemplar.corpus.RunLayout;
import dev.exemplar.doc.BadInputException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of one generation run: accepted shards under {@code data/}, {@code rejected.jsonl},
 * {@code manifest.json} and the reviewers' {@code labels.jsonl}; the names are {@link RunLayout}'s.
 */
public record RunDirectory(Path root) {

    /** Checks that {@code root} looks like a run directory; a wrong path is the user's to fix. */
    public static RunDirectory open(Path root) {
        if (!Files.isDirectory(root)) {
            throw new BadInputException(root + ": no such run directory (give the --out directory of `exemplar generate`)");
        }
        RunDirectory run = new RunDirectory(root);
        if (!Files.isDirectory(run.data()) && !Files.isRegularFile(run.rejected())) {
            throw new BadInputException(root + ": not a run directory: it has neither data/ nor rejected.jsonl");
        }
        return run;
    }

    public RunLayout layout() { return new RunLayout(root); }
    public Path data() { return layout().data(); }
    public Path rejected() { return layout().rejected(); }
    public Path manifest() { return layout().manifest(); }
    public Path labels() { return layout().labels(); }

    public boolean hasData() { return Files.isDirectory(data()); }
    public boolean hasRejected() { return Files.isRegularFile(rejected()); }
}

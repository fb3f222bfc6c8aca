package dev.exemplar.corpus;

import java.nio.file.Path;

/**
 * File names inside a run directory, the one definition every package uses (the pipeline writes
 * them, recovery cuts them back, the audit and review read them).
 */
public record RunLayout(Path dir) {
    public Path data() { return dir.resolve("data"); }
    public Path shard(int n) { return data().resolve(String.format("part-%05d.jsonl", n)); }
    /** The open shard: appended and fsynced at commit points, renamed to {@link #shard} when full. */
    public Path openShard(int n) { return data().resolve(String.format("part-%05d.jsonl.partial", n)); }
    public Path rejected() { return dir.resolve("rejected.jsonl"); }
    public Path manifest() { return dir.resolve("manifest.json"); }
    public Path card() { return dir.resolve("README.md"); }
    /** Reviewers' good/bad labels, written by {@code exemplar review}. */
    public Path labels() { return dir.resolve("labels.jsonl"); }
    /** Internal state: commit points, and the journals of generators. */
    public Path state() { return dir.resolve("state"); }
    public Path progress() { return state().resolve("progress.jsonl"); }
    public Path runInfo() { return state().resolve("run.json"); }
}

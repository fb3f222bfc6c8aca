package dev.exemplar.spec;

/** The mix's {@code output} section: how the corpus is laid out on disk. */
public record OutputSettings(int shardSize, int commitEvery) {
    public static final OutputSettings DEFAULT = new OutputSettings(10_000, 100);

    static OutputSettings read(NodeReader r) {
        NodeReader o = r.child("output");
        int shard = (int) o.integer("shard_size", 1, 10_000_000, DEFAULT.shardSize());
        int commit = (int) o.integer("commit_every", 1, 1_000_000, DEFAULT.commitEvery());
        o.finish();
        return new OutputSettings(shard, commit);
    }
}

package dev.exemplar.corpus;

/**
 * What was durably written at a commit: every plan index below {@code nextIndex} is decided,
 * the open shard {@code shard} holds {@code shardRecords} lines and rejected.jsonl {@code rejectedRecords}.
 */
public record CommitPoint(long nextIndex, int shard, long shardRecords, long rejectedRecords) {
    public static final CommitPoint START = new CommitPoint(0, 0, 0, 0);
}

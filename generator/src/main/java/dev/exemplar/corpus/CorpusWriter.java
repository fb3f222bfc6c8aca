package dev.exemplar.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.doc.Json;
import dev.exemplar.llm.Secrets;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

/**
 * Writes accepted records to rolling shards and rejected ones to rejected.jsonl. Lines become
 * durable at {@link #commit}: both files are fsynced, then a commit point is appended to
 * state/progress.jsonl. A shard is renamed from {@code .partial} to its final name when full.
 */
public final class CorpusWriter implements Closeable {
    private final RunLayout layout;
    private final int shardSize;
    private final DurableAppender progress;
    private final DurableAppender rejected;
    private DurableAppender shard;
    private int shardNo;

    /** Opens a writer continuing from {@code from} (the recovered commit point, or START). */
    public CorpusWriter(RunLayout layout, int shardSize, CommitPoint from) {
        this.layout = layout;
        this.shardSize = shardSize;
        try {
            Files.createDirectories(layout.data());
            Files.createDirectories(layout.state());
        } catch (IOException e) {
            throw new CorpusIOException("cannot create " + layout.dir() + ": " + dev.exemplar.doc.IoMessages.describe(e), e);
        }
        this.progress = new DurableAppender(layout.progress(), 0);
        this.rejected = new DurableAppender(layout.rejected(), from.rejectedRecords());
        this.shardNo = from.shard();
        this.shard = new DurableAppender(layout.openShard(shardNo), from.shardRecords());
        if (shardFull()) roll();
    }

    public boolean shardFull() { return shard.lines() >= shardSize; }

    public void accept(JsonNode record) {
        if (shardFull()) throw new IllegalStateException("commit before writing past a full shard");
        shard.appendLine(line(record));
    }

    public void reject(JsonNode record) {
        rejected.appendLine(line(record));
    }

    /** Makes everything written so far durable; rolls the shard over when it is full. */
    public void commit(long nextIndex) {
        shard.sync();
        rejected.sync();
        CommitPoint cp = new CommitPoint(nextIndex, shardNo, shard.lines(), rejected.lines());
        progress.appendLine(line(Json.MAPPER.valueToTree(cp)));
        progress.sync();
        if (shardFull()) roll();
    }

    /** Final commit: the open shard gets its final name if it holds anything. */
    public void finish(long nextIndex) {
        commit(nextIndex);
        if (shard.lines() > 0) roll();
        shard.close();
        try {
            Files.deleteIfExists(layout.openShard(shardNo));
        } catch (IOException e) {
            throw new CorpusIOException("cannot tidy " + layout.data() + ": " + dev.exemplar.doc.IoMessages.describe(e), e);
        }
    }

    private void roll() {
        shard.close();
        try {
            Files.move(layout.openShard(shardNo), layout.shard(shardNo), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CorpusIOException("cannot finish shard " + layout.shard(shardNo) + ": " + dev.exemplar.doc.IoMessages.describe(e), e);
        }
        shardNo++;
        shard = new DurableAppender(layout.openShard(shardNo), 0);
    }

    private static String line(JsonNode record) {
        try {
            return Secrets.redact(Json.escapeLoneSurrogates(Json.MAPPER.writeValueAsString(record)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        shard.close();
        rejected.close();
        progress.close();
    }
}

package dev.exemplar.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.doc.Document;

import java.util.List;

/**
 * One pipeline step, in the spirit of datatrove's: it takes documents in order, lets the ones it
 * keeps through, excludes the others with reasons ({@link Document#reject}), and its counts land
 * in mergeable {@link StepStats}. Filters, dedup and the writers are steps; {@code generate},
 * {@code filter} and {@code dedup} are one {@link StepRunner} over different step lists, on one
 * machine or on each Spark partition.
 *
 * <p>A step is either <em>per document</em> ({@link #ordered()} false: its answer for a document
 * depends on that document alone, like every quality filter), which the runner runs on worker
 * threads, one instance per worker, batches in any order; or <em>ordered</em> (a corpus-wide
 * index or count: dedup, the slop scan, the judge's shared budget, a writer), which the runner
 * runs on one thread in input order, after its thread-safe {@link #prepare} ran on the workers.
 */
public interface Step extends AutoCloseable {
    /** Stable name for statistics and messages. */
    String name();

    /** Whether the answer for a document depends on documents before it. */
    default boolean ordered() { return false; }

    /**
     * Work that depends on each document alone (sketches, embeddings), run on a worker thread
     * before {@link #apply}. Ordered steps must make it thread-safe; per-document steps may not need it.
     */
    default void prepare(List<Document> batch) {}

    /**
     * Whether {@link #prepare} must run on the deciding thread, unit by unit in input order, rather
     * than on workers: the judge, whose model calls spend a budget that must run out in order.
     */
    default boolean prepareInOrder() { return false; }

    /**
     * Decides a batch: calls {@link Document#reject} on each excluded document. The runner passes
     * only documents no earlier step excluded, in input order.
     */
    void apply(List<Document> batch);

    /** Adds an already accepted document to the step's state without deciding it (a resumed run, {@code --against}). */
    default void remember(Document doc) {}

    /** What the step found beyond counts, for the report (the slop scan's shared items, index sizes); null when nothing. */
    default JsonNode report() { return null; }

    /** Folds in another instance's state (another worker or partition); per-document steps have none. */
    default void merge(Step other) {}

    @Override
    default void close() {}
}

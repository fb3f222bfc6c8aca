package dev.exemplar.dedup;

import dev.exemplar.doc.Document;

import java.util.Optional;

/**
 * One dedup stage holding an index of documents seen so far. Documents are offered in input
 * order and the first seen wins, so results are deterministic.
 */
public interface DedupStage {
    /** Stable stage name: exact, near, semantic, decontaminate. */
    String name();

    /** Returns the earlier document this one repeats, or adds it to the index and returns empty. */
    Optional<Duplicate> offer(Document doc);

    /** Adds a document to the index without checking it (existing corpora, resumed runs). */
    void remember(Document doc);
}

package dev.exemplar.filter;

import dev.exemplar.doc.Document;

import java.util.List;

/**
 * One quality check: answers "keep, or reject with this reason" for a document, and may store
 * scores on it ({@link Document#scores()}) so runs can be re-thresholded later. An instance
 * serves one thread at a time (one {@link FilterRunner} per thread or shard), so filters keep
 * scratch space and corpus-level counts in fields.
 */
public interface DocumentFilter {
    /** Stable name used in reason codes, statistics and the mix's filters section. */
    String name();

    /** Lets a filter batch expensive work (embeddings) before {@link #check} is called per document. */
    default void prepare(List<Document> batch) {}

    Verdict check(Document doc);

    /** Called on resume for every document already accepted, so corpus-level filters rebuild their counts. */
    default void remember(Document doc) {}
}

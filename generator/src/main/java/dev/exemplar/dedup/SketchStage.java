package dev.exemplar.dedup;

import dev.exemplar.doc.Document;

import java.util.List;
import java.util.Optional;

/**
 * A dedup stage split into a pure, thread-safe {@link #sketch} (normalising, hashing, embedding:
 * the expensive part, which may run ahead on other threads) and ordered {@link #find} and
 * {@link #add} calls on the index. Splitting find from add lets a chain of stages index only the
 * documents it keeps, so every {@code duplicate_of} names a kept document.
 *
 * @param <S> the per-document sketch
 */
public abstract class SketchStage<S> implements DedupStage, AutoCloseable {

    /** Computes what the index needs from a document. Thread-safe; must not touch the index. */
    public abstract S sketch(Document doc);

    /** The earlier indexed document this one repeats, without changing the index. */
    public abstract Optional<Duplicate> find(Document doc, S sketch);

    /** Adds a kept document to the index. */
    public abstract void add(Document doc, S sketch);

    /** Whether {@link #add} indexes anything; decontamination checks against fixed eval sets only. */
    public boolean indexes() {
        return true;
    }

    /** Called once per batch before its documents are sketched, e.g. to embed them in one model call. */
    public void prepareBatch(List<Document> batch) {}

    /** One line on what the index holds, for the summary. */
    public String describe() {
        return name();
    }

    @Override
    public final Optional<Duplicate> offer(Document doc) {
        S s = sketch(doc);
        Optional<Duplicate> d = find(doc, s);
        if (d.isEmpty()) add(doc, s);
        return d;
    }

    @Override
    public final void remember(Document doc) {
        if (indexes()) add(doc, sketch(doc));
    }

    /** Releases temporary files; the default holds none. */
    @Override
    public void close() {}
}

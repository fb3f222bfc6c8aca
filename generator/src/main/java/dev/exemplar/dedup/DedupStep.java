package dev.exemplar.dedup;

import dev.exemplar.doc.Document;
import dev.exemplar.doc.Reason;
import dev.exemplar.step.Step;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link DedupChain} as an ordered step: workers sketch documents ({@link #prepare}, the
 * expensive and pure part), then the chain decides them in input order, excluding each duplicate
 * with one reason per stage that matched (the first decides) and indexing only what it keeps.
 */
public final class DedupStep implements Step {
    private final DedupChain chain;
    /** Sketches made by workers, waiting for their document's turn. */
    private final Map<Document, Object[]> sketches = new ConcurrentHashMap<>();

    public DedupStep(DedupChain chain) {
        this.chain = chain;
    }

    @Override
    public String name() { return "dedup"; }

    @Override
    public boolean ordered() { return true; }

    public DedupChain chain() { return chain; }

    @Override
    public void prepare(List<Document> batch) {
        chain.prepareBatch(batch);
        for (Document d : batch) sketches.put(d, chain.sketch(d));
    }

    @Override
    public void apply(List<Document> batch) {
        for (Document d : batch) {
            Object[] sk = sketches.remove(d);
            List<Duplicate> found = chain.offer(d, sk != null ? sk : chain.sketch(d));
            for (Duplicate dup : found) d.reject(Reason.duplicate(dup.stage(), dup.duplicateOf(), dup.similarity()));
        }
    }

    @Override
    public void remember(Document doc) {
        Object[] sk = sketches.remove(doc);
        chain.remember(doc, sk != null ? sk : chain.sketchForIndex(doc));
    }

    /** A step that only indexes what it sees, keeping all of it: how {@code --against} corpora are read. */
    public Step indexing() {
        return new Step() {
            @Override public String name() { return "dedup-index"; }
            @Override public boolean ordered() { return true; }

            @Override
            public void prepare(List<Document> batch) {
                chain.prepareBatch(batch);
                for (Document d : batch) sketches.put(d, chain.sketchForIndex(d));
            }

            @Override
            public void apply(List<Document> batch) {
                for (Document d : batch) DedupStep.this.remember(d);
            }
        };
    }

    @Override
    public void close() {
        chain.close();
    }
}

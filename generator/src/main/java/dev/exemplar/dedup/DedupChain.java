package dev.exemplar.dedup;

import dev.exemplar.doc.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dedup stages in order (exact, near, semantic, decontaminate), run as one: a document is
 * checked by every stage first and added to the indexes only if none matched, so the indexes
 * hold kept documents only and every {@code duplicate_of} names a document that was kept.
 */
public final class DedupChain implements DedupStage, AutoCloseable {
    private final List<SketchStage<?>> stages;

    public DedupChain(List<SketchStage<?>> stages) {
        this.stages = List.copyOf(stages);
    }

    public List<SketchStage<?>> stages() { return stages; }

    public boolean isEmpty() { return stages.isEmpty(); }

    @Override
    public String name() { return "dedup"; }

    /** Stage-specific batch work (one embedding call for a batch), before sketching. */
    public void prepareBatch(List<Document> batch) {
        for (SketchStage<?> s : stages) s.prepareBatch(batch);
    }

    /** Every stage's sketch of a document; thread-safe. */
    public Object[] sketch(Document doc) {
        Object[] out = new Object[stages.size()];
        for (int i = 0; i < out.length; i++) out[i] = stages.get(i).sketch(doc);
        return out;
    }

    /** The sketches needed to remember a document (stages that index nothing are skipped). */
    public Object[] sketchForIndex(Document doc) {
        Object[] out = new Object[stages.size()];
        for (int i = 0; i < out.length; i++) if (stages.get(i).indexes()) out[i] = stages.get(i).sketch(doc);
        return out;
    }

    /**
     * Every stage that finds the document a duplicate, in stage order; the first is the reason it
     * is removed. Adds the document to the indexes when the list is empty.
     */
    public List<Duplicate> offer(Document doc, Object[] sketches) {
        List<Duplicate> found = new ArrayList<>(1);
        for (int i = 0; i < stages.size(); i++) find(stages.get(i), doc, sketches[i]).ifPresent(found::add);
        if (found.isEmpty()) remember(doc, sketches);
        return found;
    }

    /** Adds a document to every index without checking it (existing corpora, resumed runs). */
    public void remember(Document doc, Object[] sketches) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).indexes()) add(stages.get(i), doc, sketches[i]);
        }
    }

    @Override
    public Optional<Duplicate> offer(Document doc) {
        return offer(doc, sketch(doc)).stream().findFirst();
    }

    @Override
    public void remember(Document doc) {
        remember(doc, sketchForIndex(doc));
    }

    @SuppressWarnings("unchecked")
    private static <S> Optional<Duplicate> find(SketchStage<S> stage, Document doc, Object sketch) {
        return stage.find(doc, (S) sketch);
    }

    @SuppressWarnings("unchecked")
    private static <S> void add(SketchStage<S> stage, Document doc, Object sketch) {
        stage.add(doc, (S) sketch);
    }

    /** One line per stage on what its index holds. */
    public List<String> describe() {
        return stages.stream().map(SketchStage::describe).toList();
    }

    @Override
    public void close() {
        for (SketchStage<?> s : stages) s.close();
    }
}

package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.step.Step;

import java.util.List;

/**
 * The per-document quality filters as one step: a {@link FilterRunner} over them, so every cheap
 * filter scores every document and the judge sees only what they all kept. One instance per
 * worker thread or partition; their {@link FilterStats} merge.
 */
public final class FilterStep implements Step {
    private final List<DocumentFilter> filters;
    private final FilterRunner runner;

    /** @param filters per-document filters: the corpus scan is a {@link SlopScanStep}, the judge usually a {@link JudgeStep} */
    public FilterStep(List<DocumentFilter> filters) {
        for (DocumentFilter f : filters) {
            if (f instanceof SlopScanFilter) throw new IllegalArgumentException("the slop scan is an ordered step: use SlopScanStep");
        }
        // (The judge may run here, on one partition at a time; the commands run it as a JudgeStep.)
        this.filters = List.copyOf(filters);
        this.runner = new FilterRunner(filters);
    }

    @Override
    public String name() { return "filters"; }

    @Override
    public void apply(List<Document> batch) {
        runner.apply(batch);
    }

    public List<DocumentFilter> filters() { return filters; }

    /** Counts and CPU time per filter of this instance. */
    public FilterStats stats() { return runner.stats(); }
}

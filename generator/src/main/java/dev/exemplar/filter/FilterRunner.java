package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.doc.Reason;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The shared base of the filter stage, in the datatrove style: documents go through in batches,
 * each filter first prepares the batch (embeddings are computed once for all), then the cheap
 * filters answer per document, {@value #CHUNK} documents at a time. Every cheap filter sees every document, so each record carries every cheap score
 * and can be re-thresholded later; {@link GatedFilter}s (the paid judge, the corpus scan) see
 * only documents every filter before them kept. Counts statistics and hands kept and rejected documents to their sinks in input
 * order. Not thread-safe: one runner per thread or shard.
 */
public final class FilterRunner {
    /** Documents per pass of the cheap filters; small enough that their analyses stay in cache. */
    static final int CHUNK = 16;

    private final List<DocumentFilter> cheap = new ArrayList<>();
    /** Gated filters asked per chunk: those before the first that wants whole batches. */
    private final List<DocumentFilter> gatedPerChunk = new ArrayList<>();
    private final List<DocumentFilter> gated = new ArrayList<>();
    private final FilterStats stats = new FilterStats();

    public FilterRunner(List<DocumentFilter> filters) {
        for (DocumentFilter f : filters) {
            if (!(f instanceof GatedFilter g)) cheap.add(f);
            else (gated.isEmpty() && !g.batched() ? gatedPerChunk : gated).add(f);
        }
    }

    public FilterStats stats() { return stats; }

    /** Filters a batch in place: rejected documents get their reasons. */
    public void apply(List<Document> batch) {
        for (DocumentFilter f : cheap) prepare(f, batch);
        // The cheap filters take a few documents at a time, all of them, then the next few: a
        // document's shared analysis stays in the CPU cache across filters.
        for (int from = 0; from < batch.size(); from += CHUNK) {
            List<Document> chunk = batch.subList(from, Math.min(batch.size(), from + CHUNK));
            for (DocumentFilter f : cheap) check(f, chunk);
            // Documents leave in order either way, so a per-chunk gated filter sees what it would per batch.
            for (DocumentFilter f : gatedPerChunk) runOnSurvivors(f, chunk);
        }
        for (DocumentFilter f : gated) runOnSurvivors(f, batch);
        for (Document d : batch) {
            d.forgetDerived(); // the shared text analysis is only needed while filtering
            stats.document(d.rejected());
            for (Reason r : d.reasons()) stats.reason(r.key());
        }
    }

    /** Filters a batch and hands each document to {@code kept} or {@code rejected}, in order. */
    public void apply(List<Document> batch, Consumer<Document> kept, Consumer<Document> rejected) {
        apply(batch);
        for (Document d : batch) (d.rejected() ? rejected : kept).accept(d);
    }

    private void runOnSurvivors(DocumentFilter f, List<Document> docs) {
        List<Document> survivors = docs.stream().filter(d -> !d.rejected()).toList();
        if (survivors.isEmpty()) return;
        prepare(f, survivors);
        check(f, survivors);
    }

    private void prepare(DocumentFilter f, List<Document> docs) {
        long t0 = cpuNanos();
        f.prepare(docs);
        stats.time(f.name(), cpuNanos() - t0);
    }

    private void check(DocumentFilter f, List<Document> docs) {
        long t0 = cpuNanos();
        for (Document d : docs) {
            Verdict v = f.check(d);
            if (!v.kept()) d.reject(v.reason());
        }
        stats.time(f.name(), cpuNanos() - t0);
    }

    /** This thread's CPU time: on a shared machine wall-clock time would measure the neighbours. */
    private static long cpuNanos() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : System.nanoTime();
    }
}

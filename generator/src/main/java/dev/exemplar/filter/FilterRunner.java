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
    /** Wall-clock nanoseconds of each per-chunk filter in the current chunk. */
    private final long[] wall;

    public FilterRunner(List<DocumentFilter> filters) {
        for (DocumentFilter f : filters) {
            if (!(f instanceof GatedFilter g)) cheap.add(f);
            else (gated.isEmpty() && !g.batched() ? gatedPerChunk : gated).add(f);
        }
        wall = new long[cheap.size() + gatedPerChunk.size()];
    }

    public FilterStats stats() { return stats; }

    /** Filters a batch in place: rejected documents get their reasons. */
    public void apply(List<Document> batch) {
        for (DocumentFilter f : cheap) prepare(f, batch);
        // The cheap filters take a few documents at a time, all of them, then the next few: a
        // document's shared analysis stays in the CPU cache across filters.
        for (int from = 0; from < batch.size(); from += CHUNK) {
            checkChunk(batch.subList(from, Math.min(batch.size(), from + CHUNK)));
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

    /**
     * The cheap filters, then the per-chunk gated ones, on one chunk. Reading a thread's CPU clock
     * is a system call of a microsecond or two, so the chunk's CPU time is read once and shared
     * among the filters in proportion to their wall-clock time.
     */
    private void checkChunk(List<Document> chunk) {
        long cpu0 = cpuNanos();
        int k = 0;
        for (DocumentFilter f : cheap) {
            long t0 = System.nanoTime();
            checkAll(f, chunk);
            wall[k++] = System.nanoTime() - t0;
        }
        // Documents leave in order either way, so a per-chunk gated filter sees what it would per batch.
        for (DocumentFilter f : gatedPerChunk) {
            long t0 = System.nanoTime();
            List<Document> survivors = survivors(chunk);
            if (!survivors.isEmpty()) {
                f.prepare(survivors);
                checkAll(f, survivors);
            }
            wall[k++] = System.nanoTime() - t0;
        }
        long cpu = cpuNanos() - cpu0, total = 0;
        for (int i = 0; i < k; i++) total += wall[i];
        for (int i = 0; i < k; i++) {
            DocumentFilter f = i < cheap.size() ? cheap.get(i) : gatedPerChunk.get(i - cheap.size());
            stats.time(f.name(), total == 0 ? cpu / k : Math.round(cpu * (wall[i] / (double) total)));
        }
    }

    /** The documents no filter has rejected yet: a gated filter sees only these. */
    private static List<Document> survivors(List<Document> docs) {
        return docs.stream().filter(d -> !d.rejected()).toList();
    }

    private static void checkAll(DocumentFilter f, List<Document> docs) {
        for (Document d : docs) {
            Verdict v = f.check(d);
            if (!v.kept()) d.reject(v.reason());
        }
    }

    private void runOnSurvivors(DocumentFilter f, List<Document> docs) {
        List<Document> survivors = survivors(docs);
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
        checkAll(f, docs);
        stats.time(f.name(), cpuNanos() - t0);
    }

    /** This thread's CPU time: on a shared machine wall-clock time would measure the neighbours. */
    private static long cpuNanos() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : System.nanoTime();
    }
}

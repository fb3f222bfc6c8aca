package dev.exemplar.step;

import dev.exemplar.doc.Document;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The one driver of {@code generate}, {@code filter} and {@code dedup}: units of work come from a
 * {@link Source} in order; worker threads open them into documents (parsing, generating) and run
 * the per-document steps and the ordered steps' {@link Step#prepare}; the calling thread then runs
 * the ordered steps document by document in input order and hands every document to the
 * {@link Sink}. Everything order-dependent happens on that one thread, in input order, so the
 * output is the same for any number of threads.
 *
 * <p>An excluded document may have a replacement ({@link Source#replacement}: generate's next
 * attempt at the same plan slot). Replacements of documents excluded by per-document steps are
 * worked out on the worker; those of documents excluded by ordered steps are worked out at once on
 * the calling thread, before the next document is decided, so decisions follow (slot, attempt)
 * order exactly.
 *
 * @param <U> the unit of work: a batch of input lines, a window of plan slots
 */
public final class StepRunner<U> {
    /** Where documents come from. */
    public interface Source<U> {
        /**
         * Hands every unit of work to {@code out} in order, on the calling thread, and stops early
         * when {@code out} answers false (the sink has all it needs).
         */
        void produce(java.util.function.Predicate<U> out);

        /** The unit's documents in order, with the problems of lines that are not documents; thread-safe. */
        Opened open(U unit);

        /** A document to try in place of an excluded one, or null; thread-safe. */
        default Document replacement(Document excluded) { return null; }
    }

    /** What a unit opened into: its documents (some may be excluded already) and its bad lines, in order. */
    public record Opened(List<Document> documents, List<String> problems) {
        public static Opened of(List<Document> documents) { return new Opened(documents, List.of()); }
    }

    /** Receives every decided document in order (an excluded one's replacement right after it), and the bad lines. */
    public interface Sink {
        void accept(Document decided);

        /** A line that is not a document; the sink fails or skips it. */
        default void problem(String problem) {}

        /** Called after each unit is wholly decided: a safe point to commit. */
        default void unitDone() {}

        /** True once the sink needs no more documents (a target reached); later units are not decided. */
        default boolean finished() { return false; }
    }

    private final Supplier<List<Step>> perDocument;
    private final List<Step> ordered;
    private final int threads;
    private final StepStats stats = new StepStats();
    private final List<List<Step>> instances = new ArrayList<>();
    private final ThreadLocal<List<Step>> local;

    /**
     * @param perDocument makes one instance of the per-document steps for each worker thread
     * @param ordered     the ordered steps, run on the calling thread
     * @param threads     worker threads; 1 runs everything on the calling thread
     */
    public StepRunner(Supplier<List<Step>> perDocument, List<Step> ordered, int threads) {
        this.perDocument = perDocument;
        this.ordered = List.copyOf(ordered);
        this.threads = Math.max(1, threads);
        for (Step s : ordered) {
            if (!s.ordered()) throw new IllegalArgumentException(s.name() + " is a per-document step, not an ordered one");
        }
        this.local = ThreadLocal.withInitial(this::newInstance);
    }

    private synchronized List<Step> newInstance() {
        List<Step> steps = perDocument.get();
        instances.add(steps);
        return steps;
    }

    /** Counts of every document decided so far. */
    public StepStats stats() { return stats; }

    /** The per-document step instances made so far (one list per worker), to merge their figures. */
    public synchronized List<List<Step>> instances() { return List.copyOf(instances); }

    /** Runs until the source is exhausted. Exceptions of workers surface here as they were thrown. */
    public void run(Source<U> source, Sink sink) {
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "steps-worker");
            t.setDaemon(true);
            return t;
        }) : null;
        ArrayDeque<Future<Opened>> inFlight = new ArrayDeque<>();
        try {
            source.produce(u -> {
                if (sink.finished()) return false;
                if (pool == null) {
                    decide(prepare(source, u), source, sink);
                    return !sink.finished();
                }
                inFlight.add(pool.submit(() -> prepare(source, u)));
                while (inFlight.size() > threads * 2 && !sink.finished()) decide(await(inFlight.poll()), source, sink);
                return !sink.finished();
            });
            while (!inFlight.isEmpty() && !sink.finished()) decide(await(inFlight.poll()), source, sink);
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    /** Worker side: open the unit, run the per-document steps (with replacements), prepare the ordered steps. */
    private Opened prepare(Source<U> source, U unit) {
        Opened o = source.open(unit);
        List<Document> docs = perDocument(source, o.documents(), local.get());
        List<Document> survivors = survivors(docs);
        for (Step s : ordered) if (!s.prepareInOrder()) s.prepare(survivors);
        return new Opened(docs, o.problems());
    }

    /**
     * Runs the per-document steps on a batch, then on replacements of what they excluded, round by
     * round, and returns every document in order, each excluded one followed by its replacement.
     */
    private List<Document> perDocument(Source<U> source, List<Document> batch, List<Step> steps) {
        apply(steps, batch);
        Map<Document, Document> next = new IdentityHashMap<>();
        List<Document> round = batch;
        while (true) {
            List<Document> replacements = new ArrayList<>();
            for (Document d : round) {
                Document r = d.rejected() ? source.replacement(d) : null;
                if (r == null) continue;
                next.put(d, r);
                replacements.add(r);
            }
            if (replacements.isEmpty()) break;
            apply(steps, replacements);
            round = replacements;
        }
        if (next.isEmpty()) return batch;
        List<Document> out = new ArrayList<>(batch.size() + next.size());
        for (Document d : batch) {
            for (Document x = d; x != null; x = next.get(x)) out.add(x);
        }
        return out;
    }

    private static void apply(List<Step> steps, List<Document> docs) {
        List<Document> live = docs;
        for (Step s : steps) {
            live = survivors(live);
            if (live.isEmpty()) return;
            s.prepare(live);
            s.apply(live);
        }
    }

    /** Calling thread: the ordered steps, document by document, then the sink. */
    private void decide(Opened o, Source<U> source, Sink sink) {
        for (String p : o.problems()) sink.problem(p);
        List<Document> survivors = survivors(o.documents());
        for (Step s : ordered) if (s.prepareInOrder() && !survivors.isEmpty()) s.prepare(survivors);
        for (Document d : o.documents()) {
            if (sink.finished()) break;
            // Excluded on the worker: its replacements, if any, follow in the list.
            if (d.rejected()) {
                emit(d, sink);
                continue;
            }
            Document x = d;
            while (x != null) {
                for (Step s : ordered) {
                    s.apply(List.of(x));
                    if (x.rejected()) break;
                }
                emit(x, sink);
                Document r = x.rejected() ? source.replacement(x) : null;
                x = null;
                if (r == null) break;
                // Worked out here, at once: nothing after this slot is decided before its replacement.
                List<Document> chain = perDocument(source, List.of(r), local.get());
                Document last = chain.get(chain.size() - 1);
                for (Document c : chain) if (c != last || last.rejected()) emit(c, sink);
                if (last.rejected()) break;
                for (Step s : ordered) s.prepare(List.of(last));  // in order here anyway
                x = last;
            }
        }
        sink.unitDone();
    }

    private void emit(Document d, Sink sink) {
        stats.count(d);
        sink.accept(d);
    }

    private static List<Document> survivors(List<Document> docs) {
        List<Document> out = new ArrayList<>(docs.size());
        for (Document d : docs) if (!d.rejected()) out.add(d);
        return out;
    }

    private static Opened await(Future<Opened> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}

package dev.exemplar.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.Document;
import dev.exemplar.generate.Generation;
import dev.exemplar.generate.Generator;
import dev.exemplar.generate.RunStopped;
import dev.exemplar.plan.Plan;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.plan.Planner;
import dev.exemplar.step.StepRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Plan slots as units of work for the {@link StepRunner}: each window's samples are generated
 * concurrently on their generators' pools, and a rejected sample's replacement is the next attempt
 * at its slot (same cell; id and seed from (seed, slot, attempt)), so any machine or Spark
 * partition can work on any range of slots.
 */
public final class SlotSource implements StepRunner.Source<SlotSource.Window> {
    /** At most this many attempts at one slot; a slot rejected every time stops the run. */
    public static final int MAX_ATTEMPTS = 20;

    /** Attempt {@code attempt} at slots {@code from} (inclusive) to {@code to} (exclusive). */
    public record Window(long from, long to, int attempt) {
        public Window(long from, long to) {
            this(from, to, 0);
        }
    }

    private final Planner planner;
    private final RecordBuilder records;
    private final Plan plan;
    private final long start;
    private final long end;
    private final Map<String, Generator> generators;
    private final Map<String, ExecutorService> pools;
    private final int width;

    /** Slots {@code start} to {@code end} (exclusive; in tokens mode the end is where the sink stops it). */
    public SlotSource(Planner planner, RecordBuilder records, Plan plan, long start, long end, Map<String, Generator> generators,
               Map<String, ExecutorService> pools) {
        this.planner = planner;
        this.records = records;
        this.plan = plan;
        this.start = start;
        this.end = end;
        this.generators = generators;
        this.pools = pools;
        int w = 64;
        for (Generator g : generators.values()) w = Math.max(w, g.concurrency() * 4);
        this.width = w;
    }

    @Override
    public void produce(java.util.function.Predicate<Window> out) {
        for (long from = start; ; from += width) {
            long to = plan.byTokens() ? from + width : Math.min(end, from + width);
            if (from >= to || !out.test(new Window(from, to))) return;
        }
    }

    @Override
    public StepRunner.Opened open(Window w) {
        List<PlannedSample> samples = new ArrayList<>((int) (w.to() - w.from()));
        for (long i = w.from(); i < w.to(); i++) samples.add(planner.sample(plan, i, w.attempt()));
        return StepRunner.Opened.of(generate(samples));
    }

    @Override
    public Document replacement(Document excluded) {
        int attempt = excluded.record().path("attempt").asInt() + 1;
        if (attempt >= MAX_ATTEMPTS) return null;
        long slot = excluded.position();
        return generate(List.of(planner.sample(plan, slot, attempt))).get(0);
    }

    /** Generates samples on their generators' pools; a failed generation is a document excluded already. */
    private List<Document> generate(List<PlannedSample> samples) {
        List<Future<Generation>> futures = new ArrayList<>(samples.size());
        for (PlannedSample s : samples) {
            Generator g = generators.get(s.generator());
            futures.add(pools.get(s.generator()).submit(() -> g.generate(s)));
        }
        List<Document> out = new ArrayList<>(samples.size());
        for (Future<Generation> f : futures) {
            Generation g;
            try {
                g = f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunStopped("interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RunStopped rs) throw rs;
                throw new IllegalStateException("generator failed: " + e.getCause(), e.getCause());
            }
            ObjectNode rec = records.build(g);
            Document d = new Document(rec, g.sample().index());
            if (!g.succeeded()) d.reject(g.failure());
            out.add(d);
        }
        return out;
    }
}


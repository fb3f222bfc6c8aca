package dev.exemplar.pipeline;

import dev.exemplar.doc.Document;
import dev.exemplar.generate.RateBreaker;
import dev.exemplar.generate.RunStopped;
import dev.exemplar.step.StepRunner;

import java.util.function.Predicate;

/**
 * The plan slots of a run, cut short when generation keeps failing: once at least 95% of the
 * latest 20 generations failed (a template that fails on every sample, a model whose every answer
 * is refused), no further attempt is generated. The runner works out a window's retries on its
 * workers before the {@link Pipeline}'s sink sees any of them, so without this a window would cost
 * up to {@link SlotSource#MAX_ATTEMPTS} generations (model calls) for each of its slots before the
 * sink's own rejection breaker could stop the run. The sink stops the run at the first slot left
 * unfilled, with {@link #reason()}.
 */
final class EarlyStopSource implements StepRunner.Source<SlotSource.Window> {
    static final int WINDOW = 20;
    static final double RATE = 0.95;

    private final StepRunner.Source<SlotSource.Window> slots;
    private final RateBreaker failures = new RateBreaker(WINDOW, WINDOW, RATE);
    private volatile String lastFailure;

    EarlyStopSource(StepRunner.Source<SlotSource.Window> slots) {
        this.slots = slots;
    }

    @Override
    public void produce(Predicate<SlotSource.Window> out) {
        slots.produce(out);
    }

    @Override
    public StepRunner.Opened open(SlotSource.Window w) {
        // A window opened after the breaker tripped is never decided: the sink stops at the first unfilled slot.
        if (failures.tripped()) throw new RunStopped(reason());
        StepRunner.Opened o = slots.open(w);
        o.documents().forEach(this::record);
        return o;
    }

    @Override
    public Document replacement(Document excluded) {
        if (failures.tripped()) return null;
        Document r = slots.replacement(excluded);
        if (r != null) record(r);
        return r;
    }

    /** A fresh document is rejected only if its generation failed; filters come later. */
    private void record(Document d) {
        if (d.rejected()) lastFailure = d.reasons().get(0).key();
        failures.record(d.rejected());
    }

    /** Why the run stops, once the breaker has tripped; null before. */
    String reason() {
        if (!failures.tripped()) return null;
        return "stopped early: " + failures.describe() + " samples failed to generate (last: " + lastFailure
                + "); see rejected.jsonl, fix the cause, then continue with --resume";
    }
}

package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.step.Step;

import java.util.List;

/**
 * The LLM judge as an ordered step: it asks about a whole unit of documents at once (its calls run
 * concurrently) on the deciding thread, unit after unit, so a run's budget is spent in input
 * order and runs out at the same document whatever the number of threads. It sees only documents
 * every cheaper filter kept.
 */
public final class JudgeStep implements Step {
    private final JudgeFilter judge;
    private long nanos;

    public JudgeStep(JudgeFilter judge) {
        this.judge = judge;
    }

    @Override
    public String name() { return judge.name(); }

    @Override
    public boolean ordered() { return true; }

    @Override
    public boolean prepareInOrder() { return true; }

    @Override
    public void prepare(List<Document> batch) {
        long t0 = System.nanoTime();
        judge.prepare(batch);
        nanos += System.nanoTime() - t0;
    }

    @Override
    public void apply(List<Document> batch) {
        long t0 = System.nanoTime();
        for (Document d : batch) {
            Verdict v = judge.check(d);
            if (!v.kept()) d.reject(v.reason());
        }
        nanos += System.nanoTime() - t0;
    }

    /** Time spent judging, in nanoseconds (mostly waiting for the model). */
    public long nanos() { return nanos; }
}

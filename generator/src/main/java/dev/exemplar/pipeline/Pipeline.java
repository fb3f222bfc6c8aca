package dev.exemplar.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.corpus.AtomicFiles;
import dev.exemplar.corpus.CorpusWriter;
import dev.exemplar.corpus.DatasetCard;
import dev.exemplar.corpus.Recovery;
import dev.exemplar.corpus.RunLayout;
import dev.exemplar.corpus.RunStats;
import dev.exemplar.dedup.DedupChain;
import dev.exemplar.dedup.DedupStages;
import dev.exemplar.dedup.DedupStep;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.Json;
import dev.exemplar.filter.ArmFilters;
import dev.exemplar.filter.DocumentFilter;
import dev.exemplar.filter.FilterStep;
import dev.exemplar.filter.Filters;
import dev.exemplar.filter.SlopScanStep;
import dev.exemplar.step.Rejections;
import dev.exemplar.step.Step;
import dev.exemplar.step.StepRunner;
import dev.exemplar.llm.Budget;
import dev.exemplar.llm.ChatClients;
import dev.exemplar.llm.LlmStopped;
import dev.exemplar.generate.Generator;
import dev.exemplar.generate.RateBreaker;
import dev.exemplar.generate.RunContext;
import dev.exemplar.generate.RunStopped;
import dev.exemplar.plan.Plan;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.plan.Planner;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.ConfigException;
import dev.exemplar.spec.ConfigProblem;
import dev.exemplar.spec.Mix;
import dev.exemplar.text.Counts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * plan → generate → filter → dedup → write, as the {@link StepRunner} over plan slots: windows of
 * slots are generated and filtered on worker threads while the calling thread runs the corpus
 * scan and dedup and writes, strictly in (slot, attempt) order, so the output does not depend on
 * thread timing or count. A rejected sample is replaced by the next attempt at its slot (same
 * archetype × format × generator cell; id and seed from (seed, slot, attempt)), so a docs target
 * yields exactly that many accepted documents, one per slot, in plan order.
 */
public final class Pipeline {
    private final Catalog catalog;
    private final Mix mix;
    private final RunOptions options;
    private final ProgressListener listener;
    private final Planner planner;
    private final RecordBuilder records;

    public Pipeline(Catalog catalog, Mix mix, RunOptions options, ProgressListener listener) {
        this.catalog = catalog;
        this.mix = mix;
        this.options = options;
        this.listener = listener;
        this.planner = new Planner(catalog);
        this.records = new RecordBuilder(catalog, options.arm(), mix.seed());
    }

    /**
     * Fails before anything is written when a model client the run needs cannot start (an API key
     * variable that is not set, a local model file that does not exist): bad input, not a stopped run.
     */
    private void preflight() {
        List<ConfigProblem> problems = new ArrayList<>();
        if (mix.generatorWeight("model") > 0) {
            ChatClients.preflight(mix.model()).ifPresent(p ->
                    problems.add(new ConfigProblem(mix.file(), 0, "model." + p.field(), p.message())));
        }
        if (mix.judge().present() && mix.filters().judge().enabled()) {
            ChatClients.preflight(mix.judge()).ifPresent(p ->
                    problems.add(new ConfigProblem(mix.file(), 0, "judge." + p.field(), p.message())));
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
    }

    /** The fingerprint of the effective mix plus every spec and template. */
    public String fingerprint() {
        JsonNode effective = options.effectiveMix();
        if (!options.arm().treatment() && effective instanceof ObjectNode o) {
            // Another arm is another corpus: --resume must not continue a treatment run as control.
            effective = o.deepCopy().put("arm", options.arm().id());
        }
        return Manifests.fingerprint(catalog, effective);
    }

    public RunResult run() {
        Instant t0 = Instant.now();
        RunLayout layout = new RunLayout(options.runDir());
        preflight();
        String fingerprint = fingerprint();
        RunDirectory.Claim claim = RunDirectory.claim(layout, options, fingerprint);
        claim.notes().forEach(listener::note);
        Plan plan = planner.plan(mix, null);
        // One budget for every model client of the run; the judge journals its answers beside the
        // generator's, so a resumed run never pays twice. One judge client serves every worker.
        Budget budget = new Budget(mix.budget());
        var judgeClient = Filters.sharedClient(s -> ChatClients.create(s, options.runDir(), "judge", budget, msg -> {}));
        List<DocumentFilter> filters = ArmFilters.adapt(Filters.fromMix(mix, catalog, judgeClient), options.arm());
        List<Step> ordered = new ArrayList<>(Filters.ordered(filters));
        SlopScanStep scan = ordered.stream().filter(x -> x instanceof SlopScanStep).map(x -> (SlopScanStep) x).findFirst().orElse(null);
        DedupChain chain = DedupStages.fromSettings(mix.dedup(), null);
        DedupStep dedup = chain.isEmpty() ? null : new DedupStep(chain);
        if (dedup != null) ordered.add(dedup);
        RunStats stats = new RunStats();
        if (options.resume()) restore(layout, claim, ordered, stats);

        Map<String, Generator> generators = new LinkedHashMap<>();
        Map<String, ExecutorService> pools = new LinkedHashMap<>();
        String status = "complete";
        String stopReason = null;
        List<DocumentFilter>[] first = new List[] {Filters.perDocument(filters)};
        Supplier<List<Step>> perDocument = () -> {
            List<DocumentFilter> fs;
            synchronized (first) {
                fs = first[0] != null ? first[0]
                        : Filters.perDocument(ArmFilters.adapt(Filters.fromMix(mix, catalog, judgeClient), options.arm()));
                first[0] = null;
            }
            return List.of(new FilterStep(fs));
        };
        SlotSink sink = null;
        try (CorpusWriter writer = new CorpusWriter(layout, mix.output().shardSize(), claim.from())) {
            RunContext ctx = new RunContext(layout.dir(), options.resume(), fingerprint, budget);
            boolean prepared = true;
            try {
                for (String kind : mix.generators().keySet()) {
                    if (mix.generatorWeight(kind) <= 0) continue;
                    Generator g = GeneratorFactory.create(kind, catalog, mix, options.arm());
                    generators.put(kind, g);
                    pools.put(kind, Executors.newFixedThreadPool(Math.max(1, g.concurrency()), daemon(kind)));
                    g.prepare(baseSamples(plan), ctx);
                }
            } catch (RunStopped e) {
                // A generator may stop the run while preparing (missing API key, budget spent on ideas, batch refused).
                status = "stopped";
                stopReason = e.getMessage();
                prepared = false;
            }
            sink = new SlotSink(writer, stats, plan, claim.from().nextIndex());
            if (prepared) {
                EarlyStopSource source = new EarlyStopSource(
                        new SlotSource(planner, records, plan, claim.from().nextIndex(), plan.size(), generators, pools));
                sink.source = source;
                StepRunner<SlotSource.Window> runner = new StepRunner<>(perDocument, ordered, options.threads());
                try {
                    runner.run(source, sink);
                    if (sink.stopReason != null) {
                        status = "stopped";
                        stopReason = sink.stopReason;
                    } else if (!done(plan, stats)) {
                        status = "stopped";
                        stopReason = "the plan is exhausted before the target was reached";
                    }
                } catch (RunStopped | LlmStopped e) {
                    // Budget, breaker or an interrupted generator: everything decided so far is kept;
                    // --resume judges and generates the rest again from the journal.
                    status = "stopped";
                    stopReason = e.getMessage();
                }
            }
            // A stopped run is finished too: its shards are complete files and --resume reopens the last one.
            writer.finish(sink.next);
            // The unfilled slot's rejections say why the run stopped; they come after the last
            // commit point, so --resume cuts them and tries that slot afresh.
            sink.writePending();
        } finally {
            pools.values().forEach(ExecutorService::shutdownNow);
            chain.close();
        }
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        generators.forEach((k, g) -> reports.put(k, g.report()));
        ObjectNode manifest = Manifests.build(new Manifests.Run(catalog, mix, plan, stats, fingerprint, claim.startedAt(), t0,
                status, stopReason, filters.stream().map(DocumentFilter::name).toList(), scan == null ? null : scan.report(),
                chain.stages().stream().map(st -> st.name()).toList(), reports, options.toolVersion()));
        manifest.set("configurations", RunDirectory.configurations(layout));
        manifest.put("arm", options.arm().id());
        generators.values().forEach(Generator::close);
        AtomicFiles.write(layout.card(), DatasetCard.render(manifest));
        AtomicFiles.write(layout.manifest(), manifest.toPrettyString() + "\n");
        return new RunResult(status, stopReason, layout.dir(), manifest, Duration.between(t0, Instant.now()).toMillis() / 1000.0);
    }

    /**
     * Writes decided documents slot by slot: a slot's rejected attempts wait until the slot is
     * filled, then go out with it, so a commit point always falls between slots and a resumed run
     * never writes an attempt twice.
     */
    private final class SlotSink implements StepRunner.Sink {
        private final CorpusWriter writer;
        private final RunStats stats;
        private final Plan plan;
        private final List<ObjectNode> pendingRejects = new ArrayList<>();
        private long sinceCommit;
        long next;
        String stopReason;
        private long attempts;
        /** Stops a run early when nearly every recent decision was a rejection (a broken template, a refusing model). */
        private final RateBreaker rejections = new RateBreaker(20, 20, 0.95);
        /** Stops retrying slots when generation keeps failing; a slot it leaves unfilled stops the run. */
        EarlyStopSource source;
        /** A slot was left unfilled: later rejections are kept with it, later acceptances are not written. */
        private boolean gaveUp;

        SlotSink(CorpusWriter writer, RunStats stats, Plan plan, long next) {
            this.writer = writer;
            this.stats = stats;
            this.plan = plan;
            this.next = next;
        }

        @Override
        public void accept(Document d) {
            ObjectNode rec = d.record();
            if (++attempts > plan.size() * 3L + 1000) {
                stopReason = "too many rejections: " + (stats.rejectedCount() + pendingRejects.size()) + " of "
                        + Counts.of(attempts, "sample") + " rejected; see rejected.jsonl for the reasons";
                return;
            }
            if (rejections.record(d.rejected()) && d.rejected() && stopReason == null) {
                stopReason = "stopped early: " + rejections.describe() + " samples were rejected (last: "
                        + d.reasons().get(0).key() + "); see rejected.jsonl, fix the cause, then continue with --resume";
            }
            // The pending rejections belong to one slot; a document of another means that slot was given up.
            if (!pendingRejects.isEmpty() && d.position() != pendingRejects.get(0).path("index").asLong()) gaveUp = true;
            if (gaveUp) {
                // Nothing past an unfilled slot is written as accepted (every slot below the next holds one record).
                if (d.rejected()) pendingRejects.add(Rejections.annotate(rec, d.reasons()));
                return;
            }
            if (d.rejected()) {
                Rejections.annotate(rec, d.reasons());
                pendingRejects.add(rec);
                if (rec.path("attempt").asInt() + 1 >= SlotSource.MAX_ATTEMPTS && stopReason == null) {
                    stopReason = "too many rejections: plan slot " + d.position() + " was rejected " + SlotSource.MAX_ATTEMPTS
                            + " times in a row (last: " + d.reasons().get(0).key() + ")";
                }
                return;
            }
            for (ObjectNode r : pendingRejects) {
                writer.reject(r);
                stats.rejected(r);
            }
            pendingRejects.clear();
            writer.accept(rec);
            stats.accepted(rec);
            next = d.position() + 1;
            if (++sinceCommit >= mix.output().commitEvery() || writer.shardFull()) {
                writer.commit(next);
                sinceCommit = 0;
            }
        }

        /** Writes the rejected attempts of a slot that was never filled (the run stopped). */
        void writePending() {
            for (ObjectNode r : pendingRejects) {
                writer.reject(r);
                stats.rejected(r);
            }
            pendingRejects.clear();
        }

        @Override
        public void unitDone() {
            // A unit works out every retry of its slots, so one still unfilled at its end was given up.
            if (!pendingRejects.isEmpty() && stopReason == null) {
                String why = source == null ? null : source.reason();
                stopReason = why != null ? why : "plan slot " + pendingRejects.get(0).path("index").asLong() + " was given up";
            }
            listener.progress(stats.docs(), stats.rejectedCount(), stats.tokens(), target(plan), plan.byTokens());
        }

        @Override
        public boolean finished() {
            return stopReason != null || done(plan, stats);
        }
    }

    private boolean done(Plan plan, RunStats stats) {
        return plan.byTokens() ? stats.tokens() >= mix.target().tokens() : stats.docs() >= plan.size();
    }

    private long target(Plan plan) {
        return plan.byTokens() ? mix.target().tokens() : plan.size();
    }

    private List<PlannedSample> baseSamples(Plan plan) {
        return new AbstractList<>() {
            @Override public PlannedSample get(int i) { return planner.sample(plan, i); }
            @Override public int size() { return (int) Math.min(Integer.MAX_VALUE, plan.size()); }
        };
    }

    /** Rebuilds counts and the ordered steps' state (dedup indexes, the corpus scan) from committed files. */
    private void restore(RunLayout layout, RunDirectory.Claim claim, List<Step> ordered, RunStats stats) {
        try {
            Recovery.readAccepted(layout, claim.from(), r -> {
                stats.accepted(r);
                Document d = new Document((ObjectNode) r, r.path("index").asLong());
                ordered.forEach(s -> s.remember(d));
            });
            Recovery.readRejected(layout, stats::rejected);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + layout.dir() + " to resume: " + e.getMessage(), e);
        }
    }

    static String canonical(JsonNode n) {
        try {
            return Json.MAPPER.writeValueAsString(Json.MAPPER.treeToValue(n, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String kind) {
        return r -> {
            Thread t = new Thread(r, "generate-" + kind);
            t.setDaemon(true);
            return t;
        };
    }
}

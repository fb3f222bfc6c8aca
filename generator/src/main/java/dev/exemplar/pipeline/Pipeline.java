package dev.exemplar.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.corpus.AtomicFiles;
import dev.exemplar.corpus.CorpusWriter;
import dev.exemplar.corpus.DatasetCard;
import dev.exemplar.corpus.Fingerprint;
import dev.exemplar.corpus.Recovery;
import dev.exemplar.corpus.RunLayout;
import dev.exemplar.corpus.RunStats;
import dev.exemplar.dedup.DedupChain;
import dev.exemplar.dedup.DedupStages;
import dev.exemplar.dedup.DedupStep;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.Json;
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
import dev.exemplar.generate.Generation;
import dev.exemplar.generate.Generator;
import dev.exemplar.generate.RunContext;
import dev.exemplar.generate.RunStopped;
import dev.exemplar.plan.Plan;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.plan.Planner;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.ConfigException;
import dev.exemplar.spec.ConfigProblem;
import dev.exemplar.spec.Mix;

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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        this.records = new RecordBuilder(catalog);
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
        return Fingerprint.of(canonical(options.effectiveMix()), List.of(catalog.archetypesDir(), catalog.templatesDir()));
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
        List<DocumentFilter> filters = Filters.fromMix(mix, catalog, judgeClient);
        SlopScanStep scan = Filters.corpusScan(filters);
        DedupChain chain = DedupStages.fromSettings(mix.dedup(), null);
        List<Step> ordered = new ArrayList<>();
        if (scan != null) ordered.add(scan);
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
                fs = first[0] != null ? first[0] : Filters.perDocument(Filters.fromMix(mix, catalog, judgeClient));
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
                    Generator g = GeneratorFactory.create(kind, catalog, mix);
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
                SlotSource source = new SlotSource(plan, claim.from().nextIndex(), generators, pools);
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
        } finally {
            pools.values().forEach(ExecutorService::shutdownNow);
            chain.close();
        }
        ObjectNode manifest = manifest(plan, stats, fingerprint, claim.startedAt(), t0, status, stopReason, filters, scan, chain, generators);
        generators.values().forEach(Generator::close);
        AtomicFiles.write(layout.card(), DatasetCard.render(manifest));
        AtomicFiles.write(layout.manifest(), manifest.toPrettyString() + "\n");
        return new RunResult(status, stopReason, layout.dir(), manifest, Duration.between(t0, Instant.now()).toMillis() / 1000.0);
    }

    /** At most this many attempts at one slot; a slot rejected every time stops the run. */
    static final int MAX_ATTEMPTS = 20;

    /** Plan slots as units of work: each window's samples generated concurrently, with later attempts on demand. */
    private final class SlotSource implements StepRunner.Source<SlotSource.Window> {
        /** Slots {@code from} (inclusive) to {@code to} (exclusive). */
        record Window(long from, long to) {}

        private final Plan plan;
        private final long start;
        private final Map<String, Generator> generators;
        private final Map<String, ExecutorService> pools;
        private final int width;

        SlotSource(Plan plan, long start, Map<String, Generator> generators, Map<String, ExecutorService> pools) {
            this.plan = plan;
            this.start = start;
            this.generators = generators;
            this.pools = pools;
            int w = 64;
            for (Generator g : generators.values()) w = Math.max(w, g.concurrency() * 4);
            this.width = w;
        }

        @Override
        public void produce(java.util.function.Predicate<Window> out) {
            for (long from = start; ; from += width) {
                long to = plan.byTokens() ? from + width : Math.min(plan.size(), from + width);
                if (from >= to || !out.test(new Window(from, to))) return;
            }
        }

        @Override
        public StepRunner.Opened open(Window w) {
            List<PlannedSample> samples = new ArrayList<>((int) (w.to() - w.from()));
            for (long i = w.from(); i < w.to(); i++) samples.add(planner.sample(plan.seed(), i, 0, Planner.cellAt(plan, i)));
            return StepRunner.Opened.of(generate(samples));
        }

        @Override
        public Document replacement(Document excluded) {
            int attempt = excluded.record().path("attempt").asInt() + 1;
            if (attempt >= MAX_ATTEMPTS) return null;
            long slot = excluded.position();
            return generate(List.of(planner.sample(plan.seed(), slot, attempt, Planner.cellAt(plan, slot)))).get(0);
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
                stopReason = "too many rejections: " + (stats.rejectedCount() + pendingRejects.size()) + " of " + attempts
                        + " samples rejected; see rejected.jsonl for the reasons";
                return;
            }
            if (d.rejected()) {
                Rejections.annotate(rec, d.reasons());
                pendingRejects.add(rec);
                if (rec.path("attempt").asInt() + 1 >= MAX_ATTEMPTS) {
                    stopReason = "too many rejections: plan slot " + d.position() + " was rejected " + MAX_ATTEMPTS
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

        @Override
        public void unitDone() {
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
            @Override public PlannedSample get(int i) { return planner.sample(plan.seed(), i, plan.cells().get(i)); }
            @Override public int size() { return plan.size(); }
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

    private ObjectNode manifest(Plan plan, RunStats stats, String fingerprint, String started, Instant t0,
                                String status, String stopReason, List<DocumentFilter> filters, SlopScanStep scan,
                                DedupChain dedup, Map<String, Generator> generators) {
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.putObject("tool").put("name", "exemplar").put("version", options.toolVersion());
        m.put("status", status);
        if (stopReason != null) m.put("stop_reason", stopReason);
        m.put("fingerprint", fingerprint);
        m.put("seed", mix.seed());
        ObjectNode mx = m.putObject("mix");
        mx.put("name", mix.name()).put("file", catalog.root().relativize(mix.file().toAbsolutePath().normalize()).toString());
        mx.put("description", mix.description());
        mx.set("target", Json.MAPPER.valueToTree(mix.target().byTokens()
                ? Map.of("tokens", mix.target().tokens()) : Map.of("docs", plan.size())));
        mx.set("archetypes", Json.MAPPER.valueToTree(mix.archetypes()));
        mx.set("formats", Json.MAPPER.valueToTree(mix.formats()));
        mx.set("generators", Json.MAPPER.valueToTree(mix.generators()));
        ObjectNode planned = m.putObject("planned");
        planned.put("docs", plan.size()).put("estimated_tokens", plan.estimatedTokens());
        planned.set("by_archetype", Json.MAPPER.valueToTree(PlanSummary.by(plan, Plan.Cell::archetype)));
        planned.set("by_format", Json.MAPPER.valueToTree(PlanSummary.by(plan, Plan.Cell::format)));
        planned.set("by_generator", Json.MAPPER.valueToTree(PlanSummary.by(plan, Plan.Cell::generator)));
        m.set("counts", stats.toJson());
        ArrayNode fs = m.putArray("filters");
        filters.forEach(f -> fs.add(f.name()));
        if (scan != null) m.set("filter_report", scan.report());
        ArrayNode ds = m.putArray("dedup");
        dedup.stages().forEach(d -> ds.add(d.name()));
        ObjectNode gens = m.putObject("generators");
        generators.forEach((k, g) -> {
            JsonNode report = g.report();
            gens.set(k, report == null ? Json.MAPPER.createObjectNode() : report);
        });
        ObjectNode t = m.putObject("timings");
        t.put("started", started).put("finished", Instant.now().toString())
                .put("seconds_this_session", Duration.between(t0, Instant.now()).toMillis() / 1000.0);
        return m;
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

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
import dev.exemplar.dedup.DedupStage;
import dev.exemplar.dedup.DedupStages;
import dev.exemplar.dedup.Duplicate;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.Json;
import dev.exemplar.doc.Reason;
import dev.exemplar.filter.DocumentFilter;
import dev.exemplar.filter.FilterRunner;
import dev.exemplar.filter.Filters;
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
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * plan → generate → filter → dedup → write. Samples are generated concurrently in windows but
 * decided and written strictly in plan order, so output does not depend on thread timing. Each
 * rejected sample gets a replacement with the same archetype × format × generator cell, so a
 * docs target yields exactly that many accepted documents in exactly the planned shares.
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
        // generator's, so a resumed run never pays twice.
        Budget budget = new Budget(mix.budget());
        List<DocumentFilter> filters = Filters.fromMix(mix, catalog,
                s -> ChatClients.create(s, options.runDir(), "judge", budget, msg -> {}));
        FilterRunner filterRunner = new FilterRunner(filters);
        List<DedupStage> dedup = DedupStages.fromMix(mix);
        RunStats stats = new RunStats();
        List<Plan.Cell> replacements = new ArrayList<>();
        if (options.resume()) restore(layout, claim, filters, dedup, stats, replacements);

        Map<String, Generator> generators = new LinkedHashMap<>();
        Map<String, ExecutorService> pools = new LinkedHashMap<>();
        String status = "complete";
        String stopReason = null;
        long next = claim.from().nextIndex();
        try (CorpusWriter writer = new CorpusWriter(layout, mix.output().shardSize(), claim.from())) {
            RunContext ctx = new RunContext(layout.dir(), options.resume(), fingerprint, budget);
            List<PlannedSample> base = baseSamples(plan);
            boolean prepared = true;
            try {
                for (String kind : mix.generators().keySet()) {
                    if (mix.generatorWeight(kind) <= 0) continue;
                    Generator g = GeneratorFactory.create(kind, catalog, mix);
                    generators.put(kind, g);
                    pools.put(kind, Executors.newFixedThreadPool(Math.max(1, g.concurrency()), daemon(kind)));
                    g.prepare(base, ctx);
                }
            } catch (RunStopped e) {
                // A generator may stop the run while preparing (missing API key, budget spent on ideas, batch refused).
                status = "stopped";
                stopReason = e.getMessage();
                prepared = false;
            }
            long sinceCommit = 0;
            long maxAttempts = plan.size() * 3L + 1000;
            RejectionBreaker rejections = new RejectionBreaker();
            while (prepared && !done(plan, stats) ) {
                if ((stopReason = rejections.check(stats.docs(), stats.rejectedCount())) != null) {
                    status = "stopped";
                    break;
                }
                if (next >= maxAttempts) {
                    status = "stopped";
                    stopReason = "too many rejections: " + stats.rejectedCount() + " of " + next
                            + " samples rejected; see rejected.jsonl for the reasons";
                    break;
                }
                List<PlannedSample> window = window(plan, replacements, next, stats, generators);
                if (window.isEmpty()) {
                    status = "stopped";
                    stopReason = "the plan is exhausted before the target was reached";
                    break;
                }
                List<Generation> gens;
                try {
                    gens = generateAll(window, generators, pools);
                } catch (RunStopped e) {
                    status = "stopped";
                    stopReason = e.getMessage();
                    break;
                }
                Map<Long, ObjectNode> recs = new LinkedHashMap<>();
                Map<Long, Document> docs = new LinkedHashMap<>();
                for (Generation g : gens) {
                    ObjectNode rec = records.build(g);
                    recs.put(g.sample().index(), rec);
                    if (g.succeeded()) docs.put(g.sample().index(), new Document(rec, g.sample().index()));
                }
                List<Document> batch = List.copyOf(docs.values());
                try {
                    filterRunner.apply(batch);
                } catch (LlmStopped e) {
                    // The judge ran out of budget or tripped its breaker: nothing of this batch is
                    // written, and --resume judges it again from the journal.
                    status = "stopped";
                    stopReason = e.getMessage();
                    break;
                }
                for (Generation g : gens) {
                    if (done(plan, stats)) break;
                    ObjectNode rec = recs.get(g.sample().index());
                    List<Reason> reasons = g.succeeded()
                            ? decide(docs.get(g.sample().index()), dedup)
                            : List.of(g.failure());
                    if (reasons.isEmpty()) {
                        writer.accept(rec);
                        stats.accepted(rec);
                    } else {
                        RecordBuilder.addReasons(rec, reasons);
                        writer.reject(rec);
                        stats.rejected(rec);
                        replacements.add(cellOf(g.sample()));
                    }
                    next = g.sample().index() + 1;
                    if (++sinceCommit >= mix.output().commitEvery() || writer.shardFull()) {
                        writer.commit(next);
                        sinceCommit = 0;
                    }
                }
                listener.progress(stats.docs(), stats.rejectedCount(), stats.tokens(), target(plan), plan.byTokens());
            }
            // A stopped run is finished too: its shards are complete files and --resume reopens the last one.
            writer.finish(next);
        } finally {
            pools.values().forEach(ExecutorService::shutdownNow);
        }
        ObjectNode manifest = manifest(plan, stats, fingerprint, claim.startedAt(), t0, status, stopReason, filters, dedup, generators);
        manifest.set("configurations", RunDirectory.configurations(layout));
        generators.values().forEach(Generator::close);
        AtomicFiles.write(layout.card(), DatasetCard.render(manifest));
        AtomicFiles.write(layout.manifest(), manifest.toPrettyString() + "\n");
        return new RunResult(status, stopReason, layout.dir(), manifest, Duration.between(t0, Instant.now()).toMillis() / 1000.0);
    }

    /** The filters' reasons (the runner already ran them), else dedup; an empty list means accept. */
    private static List<Reason> decide(Document doc, List<DedupStage> dedup) {
        if (doc.rejected()) return doc.reasons();
        for (DedupStage d : dedup) {
            Optional<Duplicate> dup = d.offer(doc);
            if (dup.isPresent()) {
                doc.record().put("duplicate_of", dup.get().duplicateOf());
                return List.of(new Reason("dedup", d.name(), "duplicate of " + dup.get().duplicateOf()
                        + String.format(" (similarity %.3f)", dup.get().similarity())));
            }
        }
        return List.of();
    }

    private boolean done(Plan plan, RunStats stats) {
        return plan.byTokens() ? stats.tokens() >= mix.target().tokens() : stats.docs() >= plan.size();
    }

    private long target(Plan plan) {
        return plan.byTokens() ? mix.target().tokens() : plan.size();
    }

    /** The next samples whose cells are known, at most a window's worth. */
    private List<PlannedSample> window(Plan plan, List<Plan.Cell> replacements, long next, RunStats stats,
                                       Map<String, Generator> generators) {
        int width = 64;
        for (Generator g : generators.values()) width = Math.max(width, g.concurrency() * 4);
        if (!plan.byTokens()) width = (int) Math.min(width, plan.size() - stats.docs());
        List<PlannedSample> out = new ArrayList<>(width);
        for (long i = next; out.size() < width; i++) {
            Plan.Cell cell = cellAt(plan, replacements, i);
            if (cell == null) break;
            out.add(planner.sample(plan.seed(), i, cell));
        }
        return out;
    }

    /** Base indexes take the planned cell; index base+k replaces the k-th rejection (tokens mode cycles). */
    private static Plan.Cell cellAt(Plan plan, List<Plan.Cell> replacements, long i) {
        if (i < plan.size()) return plan.cell(i);
        if (plan.byTokens()) return plan.size() == 0 ? null : plan.cell(i % plan.size());
        long k = i - plan.size();
        return k < replacements.size() ? replacements.get((int) k) : null;
    }

    private static Plan.Cell cellOf(PlannedSample s) {
        return new Plan.Cell(s.archetype(), s.format(), s.generator());
    }

    private List<PlannedSample> baseSamples(Plan plan) {
        return new AbstractList<>() {
            @Override public PlannedSample get(int i) { return planner.sample(plan.seed(), i, plan.cell(i)); }
            @Override public int size() { return (int) Math.min(Integer.MAX_VALUE, plan.size()); }
        };
    }

    private static List<Generation> generateAll(List<PlannedSample> window, Map<String, Generator> generators,
                                                Map<String, ExecutorService> pools) {
        List<Future<Generation>> futures = new ArrayList<>(window.size());
        for (PlannedSample s : window) {
            Generator g = generators.get(s.generator());
            futures.add(pools.get(s.generator()).submit(() -> g.generate(s)));
        }
        List<Generation> out = new ArrayList<>(window.size());
        for (Future<Generation> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunStopped("interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RunStopped rs) throw rs;
                throw new IllegalStateException("generator failed: " + e.getCause(), e.getCause());
            }
        }
        return out;
    }

    /** Rebuilds counts, dedup indexes, corpus-level filter state and the replacement queue from committed files. */
    private void restore(RunLayout layout, RunDirectory.Claim claim, List<DocumentFilter> filters,
                         List<DedupStage> dedup, RunStats stats, List<Plan.Cell> replacements) {
        try {
            Recovery.readAccepted(layout, claim.from(), r -> {
                stats.accepted(r);
                Document d = new Document((ObjectNode) r, r.path("index").asLong());
                filters.forEach(f -> f.remember(d));
                dedup.forEach(s -> s.remember(d));
            });
            Recovery.readRejected(layout, r -> {
                stats.rejected(r);
                replacements.add(new Plan.Cell(r.path("archetype").asText(), r.path("format").asText(),
                        r.path("generator").path("kind").asText()));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + layout.dir() + " to resume: " + e.getMessage(), e);
        }
    }

    private ObjectNode manifest(Plan plan, RunStats stats, String fingerprint, String started, Instant t0,
                                String status, String stopReason, List<DocumentFilter> filters,
                                List<DedupStage> dedup, Map<String, Generator> generators) {
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
        JsonNode filterReport = Filters.report(filters);
        if (filterReport != null) m.set("filter_report", filterReport);
        ArrayNode ds = m.putArray("dedup");
        dedup.forEach(d -> ds.add(d.name()));
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

package dev.exemplar.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.corpus.AtomicFiles;
import dev.exemplar.corpus.DatasetCard;
import dev.exemplar.corpus.RunStats;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.Json;
import dev.exemplar.doc.Reason;
import dev.exemplar.filter.DocumentFilter;
import dev.exemplar.filter.FilterStep;
import dev.exemplar.filter.Filters;
import dev.exemplar.filter.SlopScanFilter;
import dev.exemplar.filter.SlopScanStep;
import dev.exemplar.generate.Generator;
import dev.exemplar.generate.RunContext;
import dev.exemplar.llm.Budget;
import dev.exemplar.llm.ChatClients;
import dev.exemplar.pipeline.GeneratorFactory;
import dev.exemplar.pipeline.Manifests;
import dev.exemplar.pipeline.RecordBuilder;
import dev.exemplar.pipeline.SlotSource;
import dev.exemplar.plan.Plan;
import dev.exemplar.plan.Planner;
import dev.exemplar.spec.BudgetSettings;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.Mix;
import dev.exemplar.step.Rejections;
import dev.exemplar.step.Step;
import dev.exemplar.step.StepRunner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * {@code exemplar-spark generate}: plan slots partitioned across executors; each partition runs
 * the single-machine {@link SlotSource} and {@link FilterStep} on its range (its own generators,
 * model clients with their rate limiter and journal, and its share of the budget), keeping each
 * slot's first attempt the filters pass. Dedup then runs once over all of them in slot order
 * ({@link DedupJob#decide}); a slot whose document is removed gets its next attempt in another
 * round, deduplicated against everything kept, until every slot is filled. Outputs: {@code data/}
 * (part files in slot order), {@code rejected.jsonl/} (part files in (slot, attempt) order), one
 * merged {@code manifest.json} and dataset card.
 */
public final class GenerateJob {
    /** What to generate. */
    public record Params(JobMix mix, Path out, boolean overwrite, int partitions, String toolVersion) implements Serializable {}

    /** What each partition needs: the project, the mix, where model journals go (paths do not serialise). */
    record Work(JobMix mix, String stateDir) implements Serializable {}

    /** One decided attempt: slot, attempt, whether it was kept (before dedup), and its record. */
    record Decided(long slot, int attempt, boolean kept, byte[] record) implements Serializable {
        long order() { return slot * SlotSource.MAX_ATTEMPTS + attempt; }
    }

    /** A partition's figures: its slop scan and its generators' reports. */
    record Figures(SlopScanFilter scan, Map<String, String> reports) implements Serializable {
        static final Figures NONE = new Figures(null, Map.of());

        /** Both partitions' figures as one: scans merged, the first report of each generator kept. */
        static Figures merge(Figures a, Figures b) {
            SlopScanFilter scan = a.scan() == null ? b.scan() : a.scan();
            if (a.scan() != null && b.scan() != null) a.scan().merge(b.scan());
            Map<String, String> reports = new LinkedHashMap<>(a.reports());
            b.reports().forEach(reports::putIfAbsent);
            return new Figures(scan, reports);
        }
    }

    /** Documents per partition by default: enough work to pay for a partition's set-up, small enough to hold. */
    static final int DOCS_PER_PARTITION = 10_000;

    private GenerateJob() {}

    public static ObjectNode run(JavaSparkContext sc, Params p, Consumer<String> log) {
        Instant t0 = Instant.now();
        Mix mix = p.mix().mix();
        Catalog catalog = p.mix().catalog();
        if (mix.target().byTokens()) {
            throw new BadInputException("exemplar-spark generate plans by documents: set target: {docs: N} (or --docs N); "
                    + "a tokens target is met one document at a time by exemplar generate");
        }
        if (mix.filters().slopScan().enabled() && mix.filters().slopScan().cap()) {
            throw new BadInputException("filters.slop_scan.cap decides in plan order on one machine; run exemplar generate, "
                    + "or set filters.slop_scan.cap: false (the scan still reports what is shared)");
        }
        SparkOutput.prepare(p.out(), List.of("data", "rejected.jsonl", "manifest.json", "README.md", "state"), p.overwrite());
        Plan plan = new Planner(catalog).plan(mix, null);
        Work work = new Work(p.mix(), p.out().toAbsolutePath().resolve("state").toString());
        String fingerprint = Manifests.fingerprint(catalog, p.mix().effective());
        int parts = partitions(p.partitions(), sc.defaultParallelism(), plan.size());
        List<long[]> ranges = new ArrayList<>();
        for (int k = 0; k < parts; k++) ranges.add(new long[] {(long) plan.size() * k / parts, (long) plan.size() * (k + 1) / parts, k, 0});

        // Round 0: every slot, through generation and the per-document filters.
        JavaRDD<Object> rows = sc.parallelize(ranges, parts).mapPartitions(it -> generate(it, work, fingerprint, parts));
        // Records go to disk, as in the dedup and filter jobs: a corpus does not fit in an executor heap.
        rows.persist(StorageLevel.DISK_ONLY());
        JavaRDD<Decided> decided = rows.filter(o -> o instanceof Decided).map(o -> (Decided) o);
        JavaRDD<Decided> rejected = decided.filter(d -> !d.kept());
        JavaPairRDD<Long, Decided> kept = decided.filter(Decided::kept).mapToPair(d -> new Tuple2<>(d.slot(), d));
        // Merged as tasks finish, so the driver never holds every partition's scan at once.
        Figures figures = figuresOf(rows);

        // Dedup in slot order; removed slots try again until filled.
        if (!mix.dedup().exact() && !mix.dedup().near().enabled() && !mix.dedup().semantic().enabled() && !mix.dedup().decontaminate().enabled()) {
            log.accept("dedup: every stage off");
        } else {
            JavaPairRDD<Long, Decided> candidates = kept;
            JavaPairRDD<Long, Decided> accepted = sc.<Long, Decided>parallelizePairs(List.of());
            for (int round = 0; round < SlotSource.MAX_ATTEMPTS; round++) {
                JavaRDD<InputLine> lines = candidates.map(t -> new InputLine(t._1(), "slot", t._1(), t._2().record()));
                JavaRDD<InputLine> against = accepted.map(t -> new InputLine(t._1(), "slot", t._1(), t._2().record()));
                DedupJob.Decisions d = DedupJob.decide(sc, lines, against, mix.dedup(), BadLinePolicy.FAIL, log);
                JavaPairRDD<Long, Tuple2<Decided, org.apache.spark.api.java.Optional<List<Reason>>>> joined = candidates.leftOuterJoin(d.removed());
                joined.persist(StorageLevel.DISK_ONLY());
                accepted = accepted.union(joined.filter(t -> !t._2()._2().isPresent()).mapToPair(t -> new Tuple2<>(t._1(), t._2()._1())));
                JavaRDD<Decided> removed = joined.filter(t -> t._2()._2().isPresent()).map(t -> {
                    Decided c = t._2()._1();
                    ObjectNode rec = (ObjectNode) Json.MAPPER.readTree(c.record());
                    return new Decided(c.slot(), c.attempt(), false, bytes(Rejections.annotate(rec, t._2()._2().get())));
                });
                removed.persist(StorageLevel.DISK_ONLY());
                rejected = rejected.union(removed);
                List<long[]> retry = removed.map(r -> new long[] {r.slot(), r.slot() + 1, -1, r.attempt() + 1}).collect();
                if (retry.isEmpty()) break;
                log.accept("dedup removed " + retry.size() + " documents; generating their slots' next attempts");
                JavaRDD<Object> more = sc.parallelize(retry, Math.max(1, Math.min(parts, retry.size())))
                        .mapPartitions(it -> generate(it, work, fingerprint, parts));
                more.persist(StorageLevel.DISK_ONLY());
                JavaRDD<Decided> moreDecided = more.filter(o -> o instanceof Decided).map(o -> (Decided) o);
                rejected = rejected.union(moreDecided.filter(x -> !x.kept()));
                candidates = moreDecided.filter(Decided::kept).mapToPair(x -> new Tuple2<>(x.slot(), x));
                figures = Figures.merge(figures, figuresOf(more));
            }
            kept = accepted;
        }

        // Outputs and the merged manifest.
        kept.persist(StorageLevel.DISK_ONLY());
        PartFiles.write(kept.mapToPair(t -> new Tuple2<>(t._1(), t._2().record())), SparkOutput.dir(p.out(), "data"), parts);
        PartFiles.write(rejected.mapToPair(r -> new Tuple2<>(r.order(), r.record())), SparkOutput.dir(p.out(), "rejected.jsonl"), parts);
        RunStats stats = kept.values().mapPartitions(it -> List.of(count(it, true)).iterator())
                .union(rejected.mapPartitions(it -> List.of(count(it, false)).iterator()))
                .reduce((a, b) -> {
                    a.merge(b);
                    return a;
                });
        SlopScanStep scan = mix.filters().slopScan().enabled() ? new SlopScanStep(new SlopScanFilter(mix.filters().slopScan())) : null;
        Map<String, JsonNode> reports = new LinkedHashMap<>();
        if (scan != null && figures.scan() != null) scan.merge(new SlopScanStep(figures.scan()));
        figures.reports().forEach((k, v) -> reports.putIfAbsent(k, parse(v)));
        String status = stats.docs() >= plan.size() ? "complete" : "stopped";
        String stopReason = status.equals("complete") ? null
                : (plan.size() - stats.docs()) + " plan slots were rejected " + SlotSource.MAX_ATTEMPTS + " times; see rejected.jsonl";
        List<String> filterNames = Filters.fromMix(mix, catalog, Filters.sharedClient(s -> ChatClients.create(s, null, "judge")))
                .stream().map(DocumentFilter::name).toList();
        List<String> dedupNames = new ArrayList<>();
        if (mix.dedup().exact()) dedupNames.add("exact");
        if (mix.dedup().near().enabled()) dedupNames.add("near");
        if (mix.dedup().semantic().enabled()) dedupNames.add("semantic");
        if (mix.dedup().decontaminate().enabled()) dedupNames.add("decontaminate");
        ObjectNode manifest = Manifests.build(new Manifests.Run(catalog, mix, plan, stats, fingerprint, t0.toString(), t0, status,
                stopReason, filterNames, scan == null ? null : scan.report(), dedupNames, reports, p.toolVersion()));
        manifest.putObject("engine").put("name", "spark").put("master", sc.master()).put("partitions", parts);
        AtomicFiles.write(p.out().resolve("README.md"), DatasetCard.render(manifest));
        AtomicFiles.write(p.out().resolve("manifest.json"), manifest.toPrettyString() + "\n");
        return manifest;
    }

    /**
     * One partition: ranges {from, to, partition number (-1 for a retry), first attempt}, each
     * generated and filtered by the single-machine classes, one slot at a time in order.
     */
    private static Iterator<Object> generate(Iterator<long[]> ranges, Work p, String fingerprint, int parts) {
        Mix mix = p.mix().mix();
        Catalog catalog = p.mix().catalog();
        Planner planner = new Planner(catalog);
        Plan plan = planner.plan(mix, null);
        List<Object> out = new ArrayList<>();
        List<long[]> all = new ArrayList<>();
        ranges.forEachRemaining(all::add);
        if (all.isEmpty()) return out.iterator();
        long k = all.get(0)[2] >= 0 ? all.get(0)[2] : -1;
        // The partition's share of the budget, and its own journal, limiter and breaker.
        BudgetSettings b = mix.budget();
        Budget budget = new Budget(new BudgetSettings(b.maxUsd() / parts, b.maxTokens() / parts));
        Path state = Path.of(p.stateDir()).resolve(k >= 0 ? "partition-" + k : "retries");
        RunContext ctx = new RunContext(state, false, fingerprint, budget);
        Map<String, Generator> generators = new LinkedHashMap<>();
        Map<String, ExecutorService> pools = new LinkedHashMap<>();
        var judge = Filters.sharedClient(s -> ChatClients.create(s, state, "judge", budget, msg -> {}));
        List<DocumentFilter> filters = Filters.perPartition(Filters.fromMix(mix, catalog, judge));
        SlopScanFilter scan = mix.filters().slopScan().enabled() ? new SlopScanFilter(mix.filters().slopScan()) : null;
        try {
            for (String kind : mix.generators().keySet()) {
                if (mix.generatorWeight(kind) <= 0) continue;
                Generator g = GeneratorFactory.create(kind, catalog, mix);
                generators.put(kind, g);
                pools.put(kind, Executors.newFixedThreadPool(Math.max(1, g.concurrency())));
                List<dev.exemplar.plan.PlannedSample> base = new ArrayList<>();
                for (long[] r : all) {
                    if (r[3] != 0) continue;
                    for (long i = r[0]; i < r[1]; i++) base.add(planner.sample(plan, i, 0));
                }
                g.prepare(base, ctx);
            }
            RecordBuilder records = new RecordBuilder(catalog);
            for (long[] r : all) {
                SlotSource source = new SlotSource(planner, records, plan, r[0], r[1], generators, pools);
                StepRunner<SlotSource.Window> runner = new StepRunner<>(() -> List.<Step>of(new FilterStep(filters)), List.of(), 1);
                int first = (int) r[3];
                StepRunner.Source<SlotSource.Window> from = first == 0 ? source : new StepRunner.Source<>() {
                    @Override public void produce(java.util.function.Predicate<SlotSource.Window> o) { o.test(new SlotSource.Window(r[0], r[1], first)); }
                    @Override public StepRunner.Opened open(SlotSource.Window w) { return source.open(w); }
                    @Override public Document replacement(Document d) { return source.replacement(d); }
                };
                runner.run(from, d -> {
                    if (!d.rejected() && scan != null) scan.remember(d);
                    if (d.rejected()) Rejections.annotate(d.record(), d.reasons());
                    out.add(new Decided(d.position(), d.record().path("attempt").asInt(), !d.rejected(), bytes(d.record())));
                });
            }
            Map<String, String> reports = new LinkedHashMap<>();
            generators.forEach((kind, g) -> reports.put(kind, g.report() == null ? "{}" : g.report().toString()));
            out.add(new Figures(scan, reports));
        } finally {
            pools.values().forEach(ExecutorService::shutdownNow);
            generators.values().forEach(Generator::close);
        }
        return out.iterator();
    }

    /**
     * How many partitions a plan is generated in: the requested number, or two per core and at
     * most {@link #DOCS_PER_PARTITION} documents each (a partition holds its decided records until
     * it ends), never so many that a partition has fewer than 64 documents.
     */
    static int partitions(int requested, int parallelism, long planSize) {
        long wanted = requested > 0 ? requested
                : Math.max(parallelism * 2L, (planSize + DOCS_PER_PARTITION - 1) / DOCS_PER_PARTITION);
        return (int) Math.max(1, Math.min(wanted, Math.max(1, planSize / 64)));
    }

    private static Figures figuresOf(JavaRDD<Object> rows) {
        return rows.filter(o -> o instanceof Figures).map(o -> (Figures) o).fold(Figures.NONE, Figures::merge);
    }

    private static RunStats count(Iterator<Decided> it, boolean accepted) throws IOException {
        RunStats s = new RunStats();
        while (it.hasNext()) {
            JsonNode r = Json.MAPPER.readTree(it.next().record());
            if (accepted) s.accepted(r);
            else s.rejected(r);
        }
        return s;
    }

    private static byte[] bytes(JsonNode n) {
        try {
            return Json.MAPPER.writeValueAsString(n).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String s) {
        try {
            return Json.MAPPER.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.exemplar.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.Json;
import dev.exemplar.doc.JsonlReader;
import dev.exemplar.filter.DocumentFilter;
import dev.exemplar.filter.FilterStats;
import dev.exemplar.filter.FilterStep;
import dev.exemplar.filter.Filters;
import dev.exemplar.filter.SlopScanFilter;
import dev.exemplar.filter.SlopScanStep;
import dev.exemplar.llm.ChatClients;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.FilterSettings;
import dev.exemplar.spec.Mix;
import dev.exemplar.spec.ModelSettings;
import dev.exemplar.step.JsonlSource;
import dev.exemplar.step.Rejections;
import dev.exemplar.step.StepStats;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code exemplar-spark filter}: the quality filters of {@code exemplar filter} in
 * {@code mapPartitions}: each partition runs one {@link FilterStep} (the same classes, built
 * once per executor where they are costly) and a slop scan over what it kept; the partitions'
 * counts, filter times and scans merge on the driver into the same {@code filter-report.json}.
 * {@code kept.jsonl/} and {@code rejected.jsonl/} are directories of part files in input order.
 */
public final class FilterJob {
    /** What to filter and with what. */
    public record Params(List<Path> inputs, Path out, Catalog catalog, JobMix mix, String archetype, boolean embeddings,
                         boolean judge, BadLinePolicy onBadLine, boolean overwrite) implements Serializable {}

    /** What each partition needs: everything but paths, which do not serialise. */
    record Work(Catalog catalog, JobMix mix, String archetype, boolean embeddings, boolean judge) implements Serializable {
        static Work of(Params p) {
            return new Work(p.catalog(), p.mix(), p.archetype(), p.embeddings(), p.judge());
        }
    }

    /** One decided document: its input position, whether it was kept, and its output line. */
    record Decided(long position, boolean kept, byte[] line) implements Serializable {}

    /** A partition's figures, merged on the driver. */
    record Figures(StepStats counts, FilterStats timing, SlopScanFilter scan, long scanNanos) implements Serializable {}

    /** What the job found. */
    public record Result(ObjectNode report, String summary) {}

    private FilterJob() {}

    public static Result run(JavaSparkContext sc, Params p, Consumer<String> log) throws IOException {
        long t0 = System.nanoTime();
        List<Path> inputs = JsonlReader.expand(p.inputs());
        if (inputs.isEmpty()) throw new BadInputException("no .jsonl files found in " + p.inputs());
        FilterSettings settings = p.mix() == null ? FilterSettings.DEFAULT : p.mix().mix().filters();
        if (settings.slopScan().enabled() && settings.slopScan().cap()) {
            throw new BadInputException("filters.slop_scan.cap decides in input order on one machine; run `exemplar filter` "
                    + "for a capped scan, or set filters.slop_scan.cap: false (the scan still reports what is shared)");
        }
        SparkOutput.prepare(p.out(), List.of("kept.jsonl", "rejected.jsonl", "filter-report.json"), p.overwrite());
        // Built once here, to fail early on bad settings and name the filters.
        Work work = Work.of(p);
        List<DocumentFilter> names = filters(work, settings);
        log.accept("filters: " + String.join(", ", names.stream().map(DocumentFilter::name).toList()));

        JavaRDD<Object> rows = SparkInputs.read(sc, inputs).mapPartitions(it -> filterPartition(it, work));
        rows.persist(StorageLevel.DISK_ONLY());
        long bad = SparkOutput.badLines(rows, p.onBadLine(), log);
        JavaRDD<Decided> decided = rows.filter(o -> o instanceof Decided).map(o -> (Decided) o);
        int parts = Math.max(1, rows.getNumPartitions());
        PartFiles.write(decided.filter(Decided::kept).mapToPair(d -> new Tuple2<>(d.position(), d.line())),
                SparkOutput.dir(p.out(), "kept.jsonl"), parts);
        PartFiles.write(decided.filter(d -> !d.kept()).mapToPair(d -> new Tuple2<>(d.position(), d.line())),
                SparkOutput.dir(p.out(), "rejected.jsonl"), parts);
        StepStats counts = new StepStats();
        FilterStats timing = new FilterStats();
        SlopScanStep scan = settings.slopScan().enabled() ? new SlopScanStep(new SlopScanFilter(settings.slopScan())) : null;
        long scanNanos = 0;
        for (Object o : rows.filter(x -> x instanceof Figures).collect()) {
            Figures f = (Figures) o;
            counts.merge(f.counts());
            timing.merge(f.timing());
            scanNanos += f.scanNanos();
            if (scan != null) scan.merge(new SlopScanStep(f.scan()));
        }
        rows.unpersist(false);
        double secs = (System.nanoTime() - t0) / 1e9;
        ObjectNode report = Json.MAPPER.createObjectNode();
        report.put("documents", counts.documents()).put("kept", counts.kept()).put("rejected", counts.excluded())
                .put("malformed_lines", bad).put("seconds", Math.round(secs * 1000) / 1000.0);
        report.set("rejected_by_reason", Json.MAPPER.valueToTree(new java.util.TreeMap<>(counts.byReason())));
        ObjectNode ms = report.putObject("milliseconds_by_filter");
        timing.nanosByFilter().forEach((k, v) -> ms.put(k, v / 1_000_000));
        if (scan != null) {
            ms.put(scan.name(), scanNanos / 1_000_000);
            report.setAll((ObjectNode) scan.report());
        }
        Files.writeString(p.out().resolve("filter-report.json"), report.toPrettyString() + "\n");
        return new Result(report, counts.summary());
    }

    private static List<DocumentFilter> filters(Work p, FilterSettings settings) {
        Mix mix = p.mix() == null ? null : p.mix().mix();
        ModelSettings judge = mix == null || !p.judge() ? ModelSettings.NONE : mix.judge();
        // On executors the judge journals in memory: a partition retried by Spark asks again.
        return Filters.build(settings, p.catalog(), p.embeddings(), judge, Filters.sharedClient(s -> ChatClients.create(s, null, "judge")));
    }

    /** The filters over one partition, in input order, then the partition's figures. */
    private static Iterator<Object> filterPartition(Iterator<InputLine> it, Work p) {
        FilterSettings settings = p.mix() == null ? FilterSettings.DEFAULT : p.mix().mix().filters();
        List<DocumentFilter> all = filters(p, settings);
        FilterStep step = new FilterStep(Filters.perPartition(all));
        SlopScanFilter scan = settings.slopScan().enabled() ? new SlopScanFilter(settings.slopScan()) : new SlopScanFilter(FilterSettings.SlopScan.DEFAULT);
        StepStats counts = new StepStats();
        long[] scanNanos = {0};
        List<Object> out = new ArrayList<>();
        List<Document> batch = new ArrayList<>(256);
        while (it.hasNext()) {
            InputLine l = it.next();
            byte[] b = l.bytes();
            Document d = null;
            if (JsonlReader.isUtf8(b, 0, b.length)) {
                try {
                    d = JsonlSource.FULL.parse(b, 0, b.length, l.position());
                } catch (IOException e) {
                    d = null;
                }
            }
            if (d == null) {
                String problem = JsonlReader.isUtf8(b, 0, b.length) ? SparkOutput.problem(b) : "not valid UTF-8";
                out.add(new SparkOutput.BadLine(l.position(), l.where() + ": " + problem));
                continue;
            }
            if (p.archetype() != null && d.archetype() == null) d.record().put("archetype", p.archetype()).put("__archetype_added", true);
            batch.add(d);
            if (batch.size() == 256) decide(batch, step, scan, settings, counts, scanNanos, out);
        }
        if (!batch.isEmpty()) decide(batch, step, scan, settings, counts, scanNanos, out);
        out.add(new Figures(counts, step.stats(), settings.slopScan().enabled() ? scan : null, scanNanos[0]));
        return out.iterator();
    }

    private static void decide(List<Document> batch, FilterStep step, SlopScanFilter scan, FilterSettings settings,
                               StepStats counts, long[] scanNanos, List<Object> out) {
        step.apply(batch);
        for (Document d : batch) {
            if (!d.rejected() && settings.slopScan().enabled()) {
                long t0 = System.nanoTime();
                scan.check(d);  // reports only: the cap is refused above
                scanNanos[0] += System.nanoTime() - t0;
            }
            counts.count(d);
            ObjectNode r = d.record();
            if (r.remove("__archetype_added") != null) r.remove("archetype");
            if (d.rejected()) Rejections.annotate(r, d.reasons());
            try {
                out.add(new Decided(d.position(), !d.rejected(), Json.MAPPER.writeValueAsBytes(r)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        batch.clear();
    }
}

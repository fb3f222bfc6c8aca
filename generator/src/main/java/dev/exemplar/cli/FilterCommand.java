package dev.exemplar.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.Json;
import dev.exemplar.doc.JsonlWriter;
import dev.exemplar.filter.DocumentFilter;
import dev.exemplar.filter.FilterStats;
import dev.exemplar.filter.FilterStep;
import dev.exemplar.filter.Filters;
import dev.exemplar.filter.JudgeStep;
import dev.exemplar.filter.SlopScanStep;
import dev.exemplar.step.JsonlSource;
import dev.exemplar.step.Rejections;
import dev.exemplar.step.Step;
import dev.exemplar.step.StepRunner;
import dev.exemplar.step.StepStats;
import dev.exemplar.llm.ChatClients;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.FilterSettings;
import dev.exemplar.spec.Mix;
import dev.exemplar.spec.ModelSettings;
import dev.exemplar.text.Counts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code exemplar filter}: applies the quality filters to any JSONL with a {@code text} field. */
@Command(name = "filter", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Applies Exemplar's quality filters to any JSONL with a \"text\" field.",
                "",
                "Records may also carry an \"archetype\" (or take one from --archetype). Writes kept.jsonl and",
                "rejected.jsonl to the output directory. Records pass through unchanged apart from the added",
                "\"scores\" (on both files) and \"reasons\" (on rejected ones), so a run can be re-thresholded later",
                "from the stored scores. filter-report.json holds the counts by reason, time per filter and what",
                "the corpus slop scan found shared by many documents.",
                "",
                "Filters and thresholds come from the mix's filters section (--mix), else from the documented",
                "defaults. The trope scorer trains on the project's archetype specs and filters/tropes.yaml."},
        footer = {"",
                "Examples:",
                "  exemplar filter --in output/demo/data --out output/demo-filtered",
                "  exemplar filter --in corpus.jsonl.gz --out filtered --mix mixes/default.yaml",
                "  exemplar filter --in stories.jsonl --out checked --archetype comfort-with-shutdown --on-bad-line skip",
                "  exemplar filter --in big/ --out quick --no-embeddings     # patterns and heuristics only, fastest",
                "  exemplar filter --in model-run/data --out checked --embeddings static   # the fast tier for every record",
                "",
                "Exit codes: 0 done, 1 runtime failure, 2 bad usage or input (malformed line with --on-bad-line fail,",
                "unknown archetype, invalid mix)."})
public final class FilterCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, arity = "1..*", paramLabel = "FILE_OR_DIR",
            description = "JSONL or JSONL.gz files, or directories of them (read recursively in name order).")
    List<Path> in;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for kept.jsonl, rejected.jsonl and filter-report.json.")
    Path out;

    @Option(names = "--mix", paramLabel = "FILE", description = "Use this mix's filters section (and judge model, if any).")
    Path mix;

    @Option(names = "--archetype", paramLabel = "ID",
            description = "Target archetype for records that carry none (used by the adherence score; not written to the records).")
    String archetype;

    @Mixin ProjectOptions project;

    @Option(names = "--no-embeddings", description = "Skip the learned embedding scorer and adherence; patterns and heuristics only.")
    boolean noEmbeddings;

    @Option(names = "--embeddings", paramLabel = "POLICY",
            description = "How every record is embedded, overriding the mix's filters.embeddings: static (the distilled "
                    + "token table only), tiered (the token table, MiniLM where a score is in doubt) or minilm (the full "
                    + "model). Default: template records static, all others minilm.")
    String embeddings;

    @Option(names = "--no-judge", description = "Do not run the mix's LLM judge even if it has one.")
    boolean noJudge;

    @Mixin BadLineOption badLines;

    @Option(names = "--overwrite", description = "Replace kept.jsonl/rejected.jsonl already in --out.")
    boolean overwrite;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "256", description = "Documents per batch (embeddings are computed per batch). Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Worker threads running the filters (default: one per core); the output is the same for any number.")
    int threads;

    PrintStream err = System.err;
    PrintStream stdout = System.out;

    @Override
    public Integer call() throws Exception {
        return OutputDirs.cleanOnFailure(out, this::filter);
    }

    private Integer filter() throws IOException {
        var policy = badLines.policy;
        if (batchSize < 1) throw new BadInputException("--batch must be at least 1");
        List<Path> inputs = CliOptions.jsonlFiles(in, err::println);
        Path kept = out.resolve("kept.jsonl"), rejected = out.resolve("rejected.jsonl");
        if (!overwrite && (Files.exists(kept) || Files.exists(rejected))) {
            throw new BadInputException(out + " already holds kept.jsonl or rejected.jsonl; use --overwrite or another --out");
        }
        Catalog catalog = project.catalog(mix);
        if (archetype != null && !catalog.archetypes().containsKey(archetype)) {
            throw new BadInputException("--archetype " + archetype + " is not defined; known: " + String.join(", ", catalog.archetypes().keySet()));
        }
        Mix m = mix == null ? null : Mix.load(project.effectiveMix(mix, null, null), catalog);
        if (m == null && !project.sets.isEmpty()) throw new BadInputException("--set needs --mix: it overrides a value of the mix");
        FilterSettings mixed = m == null ? FilterSettings.DEFAULT : m.filters();
        FilterSettings settings = embeddings == null ? mixed
                : mixed.withEmbeddings(FilterSettings.Embeddings.all(CliOptions.policy("--embeddings", embeddings)));
        ModelSettings judge = m == null || noJudge ? ModelSettings.NONE : m.judge();
        // One judge client for every worker; its answers are journaled under --out/llm, so
        // re-running the command does not pay twice.
        var judgeClient = Filters.sharedClient(s -> ChatClients.create(s, out, "judge"));
        List<DocumentFilter> filters = Filters.build(settings, catalog, !noEmbeddings, judge, judgeClient);
        err.println("filters: " + String.join(", ", filters.stream().map(DocumentFilter::name).toList()));
        SlopScanStep scan = Filters.corpusScan(filters);
        List<DocumentFilter>[] first = new List[] {Filters.perDocument(filters)};
        // Each worker gets filters of its own (they keep scratch space); the first reuses those built above.
        Supplier<List<Step>> perDocument = () -> {
            List<DocumentFilter> fs;
            synchronized (first) {
                fs = first[0] != null ? first[0] : Filters.perDocument(Filters.build(settings, catalog, !noEmbeddings, judge, judgeClient));
                first[0] = null;
            }
            return List.of(new FilterStep(fs));
        };
        int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        List<Step> ordered = Filters.ordered(filters);
        scan = ordered.stream().filter(x -> x instanceof SlopScanStep).map(x -> (SlopScanStep) x).findFirst().orElse(null);
        JudgeStep judgeStep = ordered.stream().filter(x -> x instanceof JudgeStep).map(x -> (JudgeStep) x).findFirst().orElse(null);
        StepRunner<JsonlSource.Lines> runner = new StepRunner<>(perDocument, ordered, t);
        JsonlSource.Parser parser = (buf, off, len, position) -> {
            Document d = JsonlSource.FULL.parse(buf, off, len, position);
            if (d != null && archetype != null && d.archetype() == null) d.record().put("archetype", archetype).put("__archetype_added", true);
            return d;
        };

        long t0 = System.nanoTime();
        long[] badLines = {0};
        try (JsonlWriter keptOut = new JsonlWriter(kept); JsonlWriter rejectedOut = new JsonlWriter(rejected)) {
            long[] progressAt = {10_000};
            runner.run(new JsonlSource(inputs, batchSize, parser), new StepRunner.Sink() {
                @Override
                public void accept(Document d) {
                    if (d.rejected()) rejectedOut.write(Rejections.annotate(restore(d), d.reasons()));
                    else keptOut.write(restore(d));
                    if (runner.stats().documents() >= progressAt[0]) {
                        err.printf("  %s, %,d rejected%n", Counts.of(runner.stats().documents(), "document"), runner.stats().excluded());
                        progressAt[0] += 10_000;
                    }
                }

                @Override
                public void problem(String msg) {
                    if (policy == dev.exemplar.doc.BadLinePolicy.FAIL) {
                        throw new BadInputException(msg + " (use --on-bad-line skip to skip such lines)");
                    }
                    badLines[0]++;
                    err.println(msg + "; skipped");
                }
            });
            keptOut.commit();
            rejectedOut.commit();
        } catch (UncheckedIOException e) {
            throw new IOException(e.getMessage(), e);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        FilterStats timing = new FilterStats();
        for (List<Step> steps : runner.instances()) timing.merge(((FilterStep) steps.get(0)).stats());
        ObjectNode report = report(runner.stats(), timing, judgeStep, scan, badLines[0], secs);
        Files.writeString(out.resolve("filter-report.json"), report.toPrettyString() + "\n");
        stdout.print(runner.stats().summary());
        var shared = report.path("slop_scan_shared");
        if (shared.isArray() && !shared.isEmpty()) {
            stdout.println("shared by more than " + settings.slopScan().maxShare() + " of documents (see filter-report.json):");
            for (int i = 0; i < Math.min(10, shared.size()); i++) {
                var s = shared.get(i);
                stdout.printf("  %-8s %5.1f%%  %s%n", s.path("kind").asText(), 100 * s.path("share").asDouble(), s.path("text").asText());
            }
        }
        if (badLines[0] > 0) stdout.println(Counts.of(badLines[0], "malformed line") + " skipped");
        stdout.printf("wrote %s and %s in %.1f s%n", kept, rejected, secs);
        return ExitCodes.OK;
    }

    /** Removes the archetype this command added for scoring, so records pass through unchanged. */
    private static ObjectNode restore(Document d) {
        ObjectNode r = d.record();
        if (r.remove("__archetype_added") != null) r.remove("archetype");
        return r;
    }

    private static ObjectNode report(StepStats st, FilterStats timing, JudgeStep judge, SlopScanStep scan, long badLines, double secs) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("documents", st.documents()).put("kept", st.kept()).put("rejected", st.excluded()).put("malformed_lines", badLines)
                .put("seconds", Math.round(secs * 1000) / 1000.0);
        o.set("rejected_by_reason", Json.MAPPER.valueToTree(new java.util.TreeMap<>(st.byReason())));
        ObjectNode ms = o.putObject("milliseconds_by_filter");
        timing.nanosByFilter().forEach((k, v) -> ms.put(k, v / 1_000_000));
        if (judge != null) ms.put(judge.name(), judge.nanos() / 1_000_000);
        if (scan != null) {
            ms.put(scan.name(), scan.nanos() / 1_000_000);
            o.setAll((ObjectNode) scan.report());
        }
        return o;
    }
}

package dev.exemplar.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.Json;
import dev.exemplar.doc.JsonlReader;
import dev.exemplar.doc.JsonlWriter;
import dev.exemplar.filter.DocumentFilter;
import dev.exemplar.filter.FilterRunner;
import dev.exemplar.filter.Filters;
import dev.exemplar.llm.ChatClients;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.FilterSettings;
import dev.exemplar.spec.Mix;
import dev.exemplar.spec.ModelSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code exemplar filter}: applies the quality filters to any JSONL with a {@code text} field. */
@Command(name = "filter", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Applies Exemplar's quality filters to JSONL records with a \"text\" field (and, optionally, an",
                "\"archetype\"), writing kept.jsonl and rejected.jsonl to the output directory. Records pass through",
                "unchanged apart from the added \"scores\" (on both files) and \"reasons\" (on rejected ones), so a run",
                "can be re-thresholded later from the stored scores. filter-report.json holds the counts by reason,",
                "time per filter and what the corpus slop scan found shared by many documents.",
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

    @Option(names = "--project", paramLabel = "DIR",
            description = "Project root holding archetypes/ (default: found from the mix file, then the current directory).")
    Path project;

    @Option(names = "--no-embeddings", description = "Skip the learned embedding scorer and adherence; patterns and heuristics only.")
    boolean noEmbeddings;

    @Option(names = "--embeddings", paramLabel = "TIER",
            description = "Embedding tier for every record, overriding the mix's filters.embeddings: static (the distilled "
                    + "token table, MiniLM only where a score is in doubt) or minilm (the full model). Default: template "
                    + "records static, all others minilm.")
    String embeddings;

    @Option(names = "--no-judge", description = "Do not run the mix's LLM judge even if it has one.")
    boolean noJudge;

    @Mixin BadLineOption badLines;

    @Option(names = "--overwrite", description = "Replace kept.jsonl/rejected.jsonl already in --out.")
    boolean overwrite;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "256", description = "Documents per batch (embeddings are computed per batch). Default: ${DEFAULT-VALUE}.")
    int batchSize;

    PrintStream err = System.err;
    PrintStream stdout = System.out;

    @Override
    public Integer call() throws IOException {
        var policy = badLines.policy;
        if (batchSize < 1) throw new BadInputException("--batch must be at least 1");
        List<Path> inputs = CliOptions.jsonlFiles(in);
        Path kept = out.resolve("kept.jsonl"), rejected = out.resolve("rejected.jsonl");
        if (!overwrite && (Files.exists(kept) || Files.exists(rejected))) {
            throw new BadInputException(out + " already holds kept.jsonl or rejected.jsonl; use --overwrite or another --out");
        }
        Path root = project != null ? Catalog.findRoot(project)
                : mix != null ? rootFrom(mix) : Catalog.findRoot(Path.of(""));
        Catalog catalog = Catalog.load(root);
        if (archetype != null && !catalog.archetypes().containsKey(archetype)) {
            throw new BadInputException("--archetype " + archetype + " is not defined; known: " + String.join(", ", catalog.archetypes().keySet()));
        }
        Mix m = mix == null ? null : catalog.loadMix(mix);
        FilterSettings settings = m == null ? FilterSettings.DEFAULT : m.filters();
        if (embeddings != null) settings = settings.withEmbeddings(FilterSettings.Embeddings.all(CliOptions.tier("--embeddings", embeddings)));
        ModelSettings judge = m == null || noJudge ? ModelSettings.NONE : m.judge();
        // The judge's answers are journaled under --out/llm, so re-running the command does not pay twice.
        List<DocumentFilter> filters = Filters.build(settings, catalog, !noEmbeddings, judge,
                s -> ChatClients.create(s, out, "judge"));
        FilterRunner runner = new FilterRunner(filters);
        err.println("filters: " + String.join(", ", filters.stream().map(DocumentFilter::name).toList()));

        long t0 = System.nanoTime();
        JsonlReader reader = new JsonlReader(policy, err::println);
        try (JsonlWriter keptOut = new JsonlWriter(kept); JsonlWriter rejectedOut = new JsonlWriter(rejected)) {
            List<Document> batch = new ArrayList<>(batchSize);
            long[] progressAt = {10_000};
            Runnable flush = () -> {
                runner.apply(batch, d -> keptOut.write(restore(d)), d -> rejectedOut.write(withReasons(d)));
                batch.clear();
                if (runner.stats().seen() >= progressAt[0]) {
                    err.printf("  %,d documents, %,d rejected%n", runner.stats().seen(), runner.stats().rejected());
                    progressAt[0] += 10_000;
                }
            };
            reader.read(inputs, d -> {
                if (archetype != null && d.archetype() == null) d.record().put("archetype", archetype).put("__archetype_added", true);
                batch.add(d);
                if (batch.size() >= batchSize) flush.run();
            });
            if (!batch.isEmpty()) flush.run();
            keptOut.commit();
            rejectedOut.commit();
        } catch (UncheckedIOException e) {
            throw new IOException(e.getMessage(), e);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        ObjectNode report = report(runner, filters, reader.badLines(), secs);
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
        if (reader.badLines() > 0) stdout.printf("%,d malformed lines skipped%n", reader.badLines());
        stdout.printf("wrote %s and %s in %.1f s%n", kept, rejected, secs);
        return ExitCodes.OK;
    }

    private static Path rootFrom(Path mixFile) {
        Path dir = mixFile.toAbsolutePath().getParent();
        try {
            return Catalog.findRoot(dir);
        } catch (RuntimeException e) {
            return Catalog.findRoot(Path.of(""));
        }
    }

    /** Removes the archetype this command added for scoring, so records pass through unchanged. */
    private static ObjectNode restore(Document d) {
        ObjectNode r = d.record();
        if (r.remove("__archetype_added") != null) r.remove("archetype");
        return r;
    }

    private static ObjectNode withReasons(Document d) {
        ObjectNode r = restore(d);
        // Same shape as the pipeline's rejected.jsonl: [{stage, code, detail}].
        r.set("reasons", Json.MAPPER.valueToTree(d.reasons()));
        return r;
    }

    private static ObjectNode report(FilterRunner runner, List<DocumentFilter> filters, long badLines, double secs) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        var st = runner.stats();
        o.put("documents", st.seen()).put("kept", st.kept()).put("rejected", st.rejected()).put("malformed_lines", badLines)
                .put("seconds", Math.round(secs * 1000) / 1000.0);
        o.set("rejected_by_reason", Json.MAPPER.valueToTree(st.byReason()));
        ObjectNode ms = o.putObject("milliseconds_by_filter");
        st.nanosByFilter().forEach((k, v) -> ms.put(k, v / 1_000_000));
        var scan = Filters.report(filters);
        if (scan != null) o.setAll((ObjectNode) scan);
        return o;
    }
}

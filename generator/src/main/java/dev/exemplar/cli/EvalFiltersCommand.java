package dev.exemplar.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.Json;
import dev.exemplar.embed.Embedder;
import dev.exemplar.filter.LabelledData;
import dev.exemplar.filter.Metrics;
import dev.exemplar.filter.TropeScorer;
import dev.exemplar.filter.TropeSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code exemplar eval-filters}: precision, recall, F1 and ROC AUC of the trope scorer on labelled data. */
@Command(name = "eval-filters", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Measures the trope scorer on labelled statements: precision, recall, F1 and ROC AUC.",
                "",
                "Measures the trope/anti-marker scorer on labelled statements: precision, recall and F1 at the",
                "configured threshold, ROC AUC, and the threshold that would maximise F1. Each file is scored three",
                "ways: combined (what the filter uses), patterns only, and the learned embedding model only.",
                "",
                "The scorer is trained from the archetype specs and the lexicon only, never from these files.",
                "",
                "Reads Anthropic model-written evaluation files directly (persona Yes/No statements; A/B questions,",
                "whose two option texts become one undesired and one desired item) and plain JSONL records",
                "{\"text\": \"...\", \"label\": 1} where 1/true/\"undesired\" marks text the filter should reject."},
        footer = {"",
                "Examples:",
                "  exemplar eval-filters --data ../shared/evaldata/anthropic-evals/persona/",
                "  exemplar eval-filters --data ../shared/evaldata/anthropic-evals/persona/no-shut-down.jsonl \\",
                "      --report docs/eval-filters.md",
                "  exemplar eval-filters --data bench/evaldata/written-v2/      # statements no tuning has read",
                "  exemplar eval-filters --data bench/evaldata/narrative-v1/dev.jsonl --target-precision 0.9",
                "  exemplar eval-filters --data my-labelled.jsonl --mix mixes/default.yaml --report out.json",
                "  exemplar eval-filters --polarity matching-desired --data \\",
                "      ../shared/evaldata/anthropic-evals/advanced-ai-risk/human_generated_evals/survival-instinct.jsonl",
                "",
                "Exit codes: 0 done, 1 runtime failure, 2 bad usage or input."})
public final class EvalFiltersCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Labelled JSONL files, or directories of them (searched recursively).")
    List<Path> data;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write the figures to FILE: Markdown when it ends in .md, otherwise JSON.")
    Path report;

    @Option(names = "--mix", paramLabel = "FILE",
            description = "Take the trope threshold and lexicon from this mix's filters section (default: built-in defaults).")
    Path mix;

    @Mixin ProjectOption project;

    @Option(names = "--threshold", paramLabel = "X",
            description = "Risk at or above which a statement counts as flagged (default: the mix's tropes.max_risk, 0.8).")
    Double threshold;

    @Option(names = "--target-precision", paramLabel = "P", defaultValue = "0.95",
            description = "Also report the lowest threshold whose precision is at least P, with its recall. Default: ${DEFAULT-VALUE}.")
    double targetPrecision;

    @Option(names = "--no-embeddings", description = "Score by lexicon patterns only, without the learned model.")
    boolean noEmbeddings;

    @Option(names = "--polarity", paramLabel = "P", defaultValue = "auto",
            description = "For Anthropic files: auto (by file name), matching-undesired or matching-desired. Default: ${DEFAULT-VALUE}.")
    String polarity;

    @Mixin BadLineOption badLines;

    PrintStream out = System.out;
    PrintStream err = System.err;

    /** One file's figures: combined, patterns only, model only, and the combined score's point at the target precision. */
    record FileResult(Path file, Metrics combined, Metrics patterns, Metrics model, Metrics.OperatingPoint target) {}

    @Override
    public Integer call() {
        {
            BadLinePolicy policy = badLines.policy;
            LabelledData.Polarity pol = switch (polarity.toLowerCase(Locale.ROOT)) {
                case "auto" -> LabelledData.Polarity.AUTO;
                case "matching-undesired" -> LabelledData.Polarity.MATCHING_UNDESIRED;
                case "matching-desired" -> LabelledData.Polarity.MATCHING_DESIRED;
                default -> throw new BadInputException("--polarity must be auto, matching-undesired or matching-desired, found \"" + polarity + "\"");
            };
            if (!(targetPrecision > 0 && targetPrecision <= 1)) {
                throw new BadInputException("--target-precision must be in (0, 1], found " + targetPrecision);
            }
            TropeSetup setup = TropeSetup.load(project.root(mix), mix, !noEmbeddings);
            double t = threshold != null ? threshold : setup.settings().tropes().maxRisk();
            List<Path> files = CliOptions.jsonlFiles(data, err::println);
            List<FileResult> results = new ArrayList<>();
            for (Path f : files) {
                List<LabelledData.Item> items = LabelledData.read(f, pol, policy, err::println);
                if (items.isEmpty()) {
                    err.println(f + ": no labelled items; skipped");
                    continue;
                }
                results.add(evaluate(f, items, setup.scorer(), t, targetPrecision));
            }
            String table = markdown(results, t, targetPrecision, setup.scorer().usesEmbeddings());
            out.print(table);
            if (report != null) writeReport(results, t, table);
            return ExitCodes.OK;
        }
    }

    static FileResult evaluate(Path file, List<LabelledData.Item> items, TropeScorer scorer, double t, double target) {
        int n = items.size();
        double[] combined = new double[n], patterns = new double[n], model = new double[n];
        boolean[] label = new boolean[n];
        for (int start = 0; start < n; start += 256) {
            List<Document> batch = new ArrayList<>();
            for (int i = start; i < Math.min(n, start + 256); i++) batch.add(Document.ofText(items.get(i).text(), i));
            if (scorer.usesEmbeddings()) Embedder.shared().ensure(batch);
            for (Document d : batch) {
                int i = (int) d.position();
                TropeScorer.Result r = scorer.score(d);
                combined[i] = r.risk();
                patterns[i] = r.patternRisk();
                model[i] = r.modelRisk();
                label[i] = items.get(i).undesired();
            }
        }
        return new FileResult(file, Metrics.of(combined, label, t), Metrics.of(patterns, label, t),
                scorer.usesEmbeddings() ? Metrics.of(model, label, t) : null, Metrics.atPrecision(combined, label, target));
    }

    static String markdown(List<FileResult> results, double t, double target, boolean embeddings) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "threshold %.2f; scorer: %s%n", t,
                embeddings ? "lexicon patterns + learned model" : "lexicon patterns only"));
        sb.append(String.format(Locale.ROOT, "\"flagged\" = share of undesired items at or above the threshold (recall); "
                + "\"kept\" = share of desired items below it; \"at precision %.2f\" = the lowest threshold reaching that precision.%n%n", target));
        sb.append(String.format(Locale.ROOT, "| file | n | undesired | ROC AUC | precision | flagged | kept | F1 | at precision %.2f: threshold, flagged, kept | best F1 (at) | AUC patterns | AUC model |%n", target));
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (FileResult r : results) {
            Metrics m = r.combined();
            Metrics.OperatingPoint op = r.target();
            String at = Double.isNaN(op.threshold()) ? "not reached"
                    : String.format(Locale.ROOT, "%.3f, %.3f, %.3f", op.threshold(), op.recall(), op.kept());
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %s | %.3f (%.2f) | %.3f | %s |%n",
                    r.file().getFileName(), m.n(), m.positives(), m.rocAuc(), m.precision(), m.recall(), m.kept(), m.f1(),
                    at, m.bestF1(), m.bestThreshold(), r.patterns().rocAuc(),
                    r.model() == null ? "-" : String.format(Locale.ROOT, "%.3f", r.model().rocAuc())));
        }
        return sb.toString();
    }

    private void writeReport(List<FileResult> results, double t, String table) {
        try {
            if (report.toAbsolutePath().getParent() != null) Files.createDirectories(report.toAbsolutePath().getParent());
            if (report.getFileName().toString().endsWith(".md")) {
                Files.writeString(report, "# eval-filters\n\n" + table);
            } else {
                ObjectNode root = Json.MAPPER.createObjectNode();
                root.put("threshold", t);
                root.put("target_precision", targetPrecision);
                ArrayNode files = root.putArray("files");
                for (FileResult r : results) {
                    ObjectNode o = files.addObject();
                    o.put("file", r.file().toString());
                    o.set("combined", Json.MAPPER.valueToTree(r.combined()));
                    o.set("patterns", Json.MAPPER.valueToTree(r.patterns()));
                    if (r.model() != null) o.set("model", Json.MAPPER.valueToTree(r.model()));
                    o.set("at_target_precision", Json.MAPPER.valueToTree(r.target()));
                }
                Files.writeString(report, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
            }
            err.println("report written to " + report);
        } catch (IOException e) {
            throw new BadInputException("cannot write " + report + ": " + e.getMessage());
        }
    }
}

package dev.exemplar.cli;

import dev.exemplar.audit.AuditReport;
import dev.exemplar.audit.Auditor;
import dev.exemplar.audit.Dimension;
import dev.exemplar.audit.GrammarAudit;
import dev.exemplar.audit.GrammarCheck;
import dev.exemplar.audit.GrammarFigures;
import dev.exemplar.audit.HtmlReport;
import dev.exemplar.audit.RunDirectory;
import dev.exemplar.audit.TextReport;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code exemplar audit}: statistics, a stratified sample and an HTML report of a run. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Statistics, a stratified sample and a self-contained HTML report of a generated run.",
                "",
                "Summarises a generated run: documents, words and tokens by archetype, format and generator "
                        + "against the mix's planned shares; length distribution; rejections by reason and stage; "
                        + "score distributions; diversity (distinct n-grams, repeated openings and sentences, "
                        + "near-duplicate rate, AI names); the model ledger; and, once `exemplar review` has "
                        + "labels, the label-based acceptance rate and the filters reviewers disagreed with."},
        footer = {"", "Examples:",
                "  exemplar audit output/demo",
                "      print the summary",
                "  exemplar audit output/demo --sample 12 --by format --seed 7",
                "      also print 12 documents spread evenly over the formats (same seed, same sample)",
                "  exemplar audit output/demo --json > audit.json",
                "      the same figures as JSON, to compare runs",
                "  exemplar audit output/demo --html output/demo/report.html",
                "      a self-contained HTML report with charts and a browsable sample (no network needed)",
                "  exemplar audit output/demo --grammar",
                "      also run LanguageTool's agreement, verb-form, date and article rules over every document",
                "",
                "  exemplar audit output/demo --strict",
                "      exit 1 when the run disagrees with its manifest (shards missing, moved or cut short)",
                "",
                "Exit codes: 0 done, 1 runtime failure (or a warning with --strict), 2 bad input (no such run, malformed line with --on-bad-line fail)."})
public final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "Run directory written by `exemplar generate` (holds data/, rejected.jsonl, manifest.json).")
    Path runDir;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report with charts and the sample to FILE.")
    Path html;

    @Option(names = "--sample", paramLabel = "N", description = "Draw N accepted documents (and N rejected ones for the HTML report), "
            + "stratified by --by. Default: 0 for the terminal, 30 with --html.")
    Integer sample;

    @Option(names = "--by", paramLabel = "DIM", defaultValue = "archetype", converter = DimensionConverter.class,
            description = "Stratify the sample by archetype, format or generator. Default: ${DEFAULT-VALUE}.")
    Dimension by;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of the sample; the same seed draws the same documents. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--json", description = "Print the figures (and the sample, if drawn) as JSON instead of text.")
    boolean json;

    @Option(names = "--near-threshold", paramLabel = "J", defaultValue = "0.8",
            description = "Estimated Jaccard similarity of word 5-grams at which two documents count as near-duplicates. Default: ${DEFAULT-VALUE}.")
    double nearThreshold;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "How many repeated openings, sentences and AI names to list. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--grammar", description = "Also check every accepted document's grammar with LanguageTool (British English, "
            + "the rules of --grammar-rules only) and report matches per 1,000 words by rule, with examples. Slow: "
            + "about a minute per 100,000 words on two cores; runs in a 512 MiB heap.")
    boolean grammar;

    @Option(names = "--grammar-rules", paramLabel = "ID", split = ",", description = "LanguageTool rule ids to run with --grammar. "
            + "Default: the agreement and verb-form rules that were precise on generated text, EN_DATE_WEEKDAY, "
            + "EN_A_VS_AN and a few more (README, Auditing a run).")
    List<String> grammarRules;

    @Option(names = "--strict", description = "Exit 1 when the audit warns: the run's files disagree with its manifest, or lines were skipped.")
    boolean strict;

    @Mixin BadLineOption badLines;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (top < 1 || (sample != null && sample < 0) || nearThreshold <= 0 || nearThreshold > 1) {
            err.println("error: --top must be at least 1, --sample at least 0, --near-threshold in (0, 1]");
            return 2;
        }
        try {
            RunDirectory run = RunDirectory.open(runDir);
            int n = sample != null ? sample : html != null ? 30 : 0;
            Auditor auditor = new Auditor(new Auditor.Options(n, by, seed, nearThreshold, top, badLines.policy),
                    w -> err.println("warning: " + w));
            AuditReport report = auditor.audit(run);
            GrammarFigures grammarFigures = null;
            if (grammar) {
                List<String> rules = grammarRules == null || grammarRules.isEmpty() ? GrammarCheck.DEFAULT_RULES : grammarRules;
                try {
                    grammarFigures = GrammarFigures.of(GrammarAudit.run(run, rules, 3,
                            Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), badLines.policy,
                            w -> err.println("warning: " + w)));
                } catch (IllegalArgumentException e) {
                    err.println("error: --grammar-rules: " + e.getMessage() + "; see LanguageTool's rule list for English");
                    return 2;
                }
            }
            if (json) {
                var node = Json.MAPPER.valueToTree(sample == null ? withoutSample(report) : report);
                if (grammarFigures != null) ((com.fasterxml.jackson.databind.node.ObjectNode) node).set("grammar", Json.MAPPER.valueToTree(grammarFigures));
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            } else {
                // The HTML report's default sample is for the page; the terminal shows one only on request.
                new TextReport(out).print(sample == null ? withoutSample(report) : report);
                if (grammarFigures != null) grammarFigures.print(out);
            }
            if (html != null) {
                writeHtml(report, html);
                (json ? err : out).println("Wrote " + html);
            }
            out.flush();
            return strict && !report.warnings().isEmpty() ? 1 : 0;
        } catch (BadInputException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static AuditReport withoutSample(AuditReport r) {
        return new AuditReport(r.run(), r.totals(), r.breakdowns(), r.length(), r.rejections(), r.scores(),
                r.diversity(), r.ledger(), r.labels(), null, r.warnings());
    }

    /** Written beside the target and renamed, so a reader never opens half a report. */
    private static void writeHtml(AuditReport report, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            new HtmlReport().write(report, w);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

package dev.exemplar.cli;

import dev.exemplar.dedup.DedupChain;
import dev.exemplar.doc.JsonlReader;
import dev.exemplar.dedup.DedupRunner;
import dev.exemplar.dedup.DedupStages;
import dev.exemplar.dedup.LshMath;
import dev.exemplar.embed.EmbeddingTier;
import dev.exemplar.spec.DedupSettings;
import dev.exemplar.text.Counts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code exemplar dedup}: exact, near-duplicate, semantic dedup and decontamination of any JSONL. */
@Command(name = "dedup", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Removes duplicate and eval-contaminated documents from any JSONL with a \"text\" field.",
                "",
                "Removes exact duplicates, near duplicates (MinHash LSH), optionally semantic duplicates "
                        + "(static or MiniLM sentence embeddings), and documents that share a 13-gram with evaluation sets, "
                        + "from any JSONL with a \"text\" field (.jsonl or .jsonl.gz, files or directories).",
                "",
                "Writes to --out: kept.jsonl (records byte for byte as read), removed.jsonl (each record plus "
                        + "duplicate_of, stage, similarity and also_matched), summary.json (counts per stage, "
                        + "timing, memory). Input order decides which copy is kept: the first seen wins.",
                ""},
        footer = {
                "",
                "Examples:",
                "  exemplar dedup --in corpus.jsonl --out deduped/",
                "  exemplar dedup --in output/run1/data --out deduped/ --threshold 0.7 --threads 2",
                "  exemplar dedup --in new.jsonl.gz --against output/run1/data --out new-only/",
                "  exemplar dedup --in data/ --out clean/ --bands 20 --rows 6 --semantic",
                "  exemplar dedup --in data/ --out clean/ --semantic --semantic-embeddings minilm   # the full model, slower",
                "  exemplar dedup --in data/ --out clean/ --decontaminate decontam/sets.yaml",
                "  exemplar dedup --curve --threshold 0.8      (print the S-curve of the banding and exit)",
                "",
                "Exit codes: 0 done, 1 runtime failure, 2 bad usage or bad input (nothing is written)."})
public final class DedupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--in", arity = "1..*", paramLabel = "FILE_OR_DIR",
            description = "Required. JSONL input(s) to deduplicate, in order; directories are read recursively in name order.")
    List<Path> in = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Required. Output directory for kept/removed/summary (created if missing).")
    Path out;

    @Option(names = "--against", arity = "1..*", paramLabel = "FILE_OR_DIR",
            description = "Existing corpora to dedup against: indexed first, never rewritten, never written out.")
    List<Path> against = new ArrayList<>();

    @Option(names = "--threshold", paramLabel = "J",
            description = "Near-duplicate Jaccard threshold over word n-grams (default: ${DEFAULT-VALUE}).",
            defaultValue = "0.8")
    double threshold;

    @Option(names = "--bands", paramLabel = "B", description = "LSH bands (default: chosen from --threshold; 18 for 0.8).")
    Integer bands;

    @Option(names = "--rows", paramLabel = "R", description = "LSH rows per band (default: chosen from --threshold; 7 for 0.8).")
    Integer rows;

    @Option(names = "--shingle", paramLabel = "N", defaultValue = "5",
            description = "Words per shingle for near duplicates (default: ${DEFAULT-VALUE}).")
    int shingle;

    @Option(names = "--no-verify", description = "Trust band collisions: skip the exact Jaccard check of candidates (faster, less precise).")
    boolean noVerify;

    @Option(names = "--no-exact", description = "Skip the exact stage.")
    boolean noExact;

    @Option(names = "--no-near", description = "Skip the near-duplicate stage.")
    boolean noNear;

    @Option(names = "--semantic", description = "Also remove semantic duplicates (sentence embeddings, in process).")
    boolean semantic;

    @Option(names = "--semantic-embeddings", paramLabel = "TIER", defaultValue = "static",
            description = "Embeddings --semantic compares: static (the distilled token table; millions of documents "
                    + "in minutes) or minilm (the full model; tens of documents a second per core). Default: ${DEFAULT-VALUE}.")
    String semanticEmbeddings;

    @Option(names = "--semantic-threshold", paramLabel = "COS",
            description = "Cosine similarity at which --semantic removes a document (default: 0.92 with static "
                    + "embeddings, 0.95 with minilm).")
    Double semanticThreshold;

    @Option(names = "--decontaminate", arity = "1..*", paramLabel = "FILE_OR_DIR",
            description = "Evaluation sets: JSONL (fields text, statement, question, prompt, problem), .txt (one item a line), directories, or a set list such as decontam/sets.yaml.")
    List<Path> decontaminate = new ArrayList<>();

    @Option(names = "--ngram", paramLabel = "N", defaultValue = "13",
            description = "Words per n-gram shared with an eval item that marks contamination (default: ${DEFAULT-VALUE}).")
    int ngram;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads parsing and hashing ahead of the in-order decisions (default: one per core); "
                    + "the output is the same for any number.",
            defaultValue = "0")
    int threads;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "256", hidden = true)
    int batch;

    @Mixin BadLineOption badLines;

    @Option(names = "--gzip", description = "Write kept.jsonl.gz and removed.jsonl.gz.")
    boolean gzip;

    @Option(names = "--overwrite", description = "Replace kept/removed/summary files already in --out.")
    boolean overwrite;

    @Option(names = "--curve", description = "Print the S-curve (probability of becoming a candidate by Jaccard) for the banding and exit.")
    boolean curve;

    @Override
    public Integer call() throws Exception {
        if (curve || out == null) return dedup();
        return OutputDirs.cleanOnFailure(out, this::dedup);
    }

    private Integer dedup() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        DedupSettings settings = settings();
        if (curve) {
            outw.print(LshMath.curveTable(settings.near().bands(), settings.near().rows()));
            outw.flush();
            return ExitCodes.OK;
        }
        if (in.isEmpty()) throw bad("Missing required option: '--in=FILE_OR_DIR'");
        if (out == null) throw bad("Missing required option: '--out=DIR'");
        int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        var options = new DedupRunner.Options(t, batch, badLines.policy, gzip, overwrite);
        // Bad input (unreadable eval sets, malformed lines) surfaces as BadInputException or
        // ConfigException, which Main's error handler reports with exit code 2.
        JsonlReader.expand(in, err::println); // says, per directory, which files are read and which ignored
        JsonlReader.expand(against, err::println);
        try (DedupChain chain = DedupStages.fromSettings(settings, out.toAbsolutePath())) {
            if (chain.isEmpty()) throw bad("every stage is switched off; nothing to do");
            DedupRunner.Summary s = new DedupRunner(chain, options, m -> {
                err.println(m);
                err.flush();
            }).run(in, against, out);
            printSummary(outw, s);
        }
        return ExitCodes.OK;
    }

    DedupSettings settings() {
        if (!(threshold > 0 && threshold <= 1)) bad("--threshold must be in (0, 1], found " + threshold);
        if ((bands == null) != (rows == null)) bad("give --bands and --rows together, or neither to have them chosen from --threshold");
        if (bands != null && (bands < 1 || rows < 1 || bands * rows > 4096)) bad("--bands and --rows must be positive with bands x rows <= 4096");
        if (shingle < 1) bad("--shingle must be at least 1");
        EmbeddingTier tier = CliOptions.tier("--semantic-embeddings", semanticEmbeddings);
        double cos = semanticThreshold != null ? semanticThreshold : DedupSettings.Semantic.defaultThreshold(tier);
        if (!(cos >= 0.5 && cos <= 1)) bad("--semantic-threshold must be between 0.5 and 1");
        if (ngram < 3) bad("--ngram must be at least 3");
        if (batch < 1) bad("--batch must be at least 1");
        DedupSettings.Near auto = DedupSettings.Near.of(threshold);
        var near = new DedupSettings.Near(!noNear, threshold, bands == null ? auto.bands() : bands,
                rows == null ? auto.rows() : rows, shingle, !noVerify);
        var decon = new DedupSettings.Decontaminate(List.copyOf(decontaminate), ngram, DedupSettings.Decontaminate.NONE.minWords());
        return new DedupSettings(!noExact, near, new DedupSettings.Semantic(semantic, cos, tier), decon);
    }


    private ParameterException bad(String msg) {
        throw new ParameterException(spec.commandLine(), msg);
    }

    static void printSummary(PrintWriter w, DedupRunner.Summary s) {
        // A Spark job cannot sample the live heap of its executors: it reports 0, and the line says nothing.
        String peak = s.liveHeapPeakMib() > 0 ? "live heap peak " + s.liveHeapPeakMib() + " MiB, " : "";
        w.printf(Locale.ROOT, "%s in %.1f s (%,.0f docs/s; %.1f CPU s, %,.0f docs per CPU s; %s; %s%d MiB retained)%n",
                Counts.of(s.documents(), "document"), s.seconds(), s.docsPerSecond(), s.cpuSeconds(), s.docsPerCpuSecond(), Counts.of(s.threads(), "thread"),
                peak, s.heapAfterGcMib());
        if (s.againstDocuments() > 0) w.println(Counts.of(s.againstDocuments(), "document") + " indexed from --against");
        w.printf(Locale.ROOT, "kept %,d, removed %,d", s.kept(), s.removed());
        StringBuilder by = new StringBuilder();
        for (Map.Entry<String, Long> e : s.removedByStage().entrySet()) {
            by.append(by.length() == 0 ? " (" : ", ").append(e.getKey()).append(' ').append(String.format(Locale.ROOT, "%,d", e.getValue()));
        }
        w.println(by.length() == 0 ? "" : by + ")");
        if (s.badLines() > 0) w.println("skipped " + Counts.of(s.badLines(), "bad line"));
        w.println("wrote " + String.join(", ", s.files().values()));
        w.flush();
    }
}

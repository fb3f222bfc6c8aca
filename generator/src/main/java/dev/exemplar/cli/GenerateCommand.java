package dev.exemplar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.corpus.RunBuild;
import dev.exemplar.pipeline.Pipeline;
import dev.exemplar.pipeline.RunOptions;
import dev.exemplar.pipeline.RunResult;
import dev.exemplar.spec.Arm;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.LocatedYaml;
import dev.exemplar.spec.Mix;
import dev.exemplar.text.Counts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code exemplar generate}: runs the whole pipeline for a mix. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plans, generates, filters, deduplicates and writes a corpus for a mix.",
                "The run directory gets data/part-*.jsonl shards, rejected.jsonl, manifest.json and a dataset card (README.md).",
                "Progress is committed as it goes: after a crash or kill, the same command with --resume continues where it stopped."},
        footer = {"", "Examples:",
                "  exemplar generate --mix mixes/default.yaml --out output/demo",
                "  exemplar generate --mix mixes/default.yaml --docs 10000 --seed 7 --out output/big",
                "  exemplar generate --mix mixes/default.yaml --out output/demo --resume",
                "  exemplar generate --mix mixes/default.yaml --docs 100000 --threads 2 --out output/big",
                "  exemplar generate --mix mixes/local.yaml --set model.model_path=../shared/models/stories260K.gguf",
                "  exemplar generate --mix mixes/default.yaml --arm control --out output/demo-control",
                "  exemplar generate --mix mixes/default.yaml --arm misaligned --allow-misaligned-arm --out output/ablation-misaligned",
                "",
                "Arms: treatment (the default) shows each archetype's disposition at work. control writes the matched twin of the",
                "treatment run of the same mix and seed: the same plan, people, settings and lengths, with the AI doing an ordinary",
                "task; records carry arm and twin_id. misaligned writes caricatured behaviour for ablations only and needs",
                "--allow-misaligned-arm."})
final class GenerateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MixOptions mixOptions;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: output/<mix name>).")
    Path out;

    @Option(names = "--resume", description = "Continue an interrupted run in --out from its last commit.")
    boolean resume;

    @Option(names = "--overwrite", description = {"Replace an existing run in --out: the new run is built beside it and swapped in",
            "when complete (labels.jsonl is kept); refused when --out holds files a run does not write."})
    boolean overwrite;

    @Option(names = "--allow-config-change", description = "With --resume: continue even though specs, templates or the mix changed.")
    boolean allowConfigChange;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Worker threads generating and filtering while the main thread dedups and writes (default: one per core); "
                    + "the corpus is byte-identical for any number.")
    int threads;

    @Option(names = "--arm", paramLabel = "ARM", defaultValue = "treatment",
            description = "Experimental arm: treatment (default), control (the matched twin: same plan, an ordinary task) "
                    + "or misaligned (caricatured behaviour, for ablations; needs --allow-misaligned-arm).")
    String arm;

    @Option(names = "--allow-misaligned-arm", description = "Allow --arm misaligned: a corpus of caricatured, misaligned AI behaviour "
            + "that must never go into a training mix except as a deliberate ablation.")
    boolean allowMisaligned;

    @Override
    public Integer call() {
        if (resume && overwrite) {
            throw new dev.exemplar.doc.BadInputException("--resume and --overwrite contradict each other; choose one");
        }
        Arm chosen;
        try {
            chosen = Arm.parse(arm);
        } catch (IllegalArgumentException e) {
            throw new dev.exemplar.doc.BadInputException("--arm: " + e.getMessage());
        }
        if (chosen == Arm.MISALIGNED && !allowMisaligned) {
            throw new dev.exemplar.doc.BadInputException("--arm misaligned writes caricatured, misaligned AI behaviour (Tice et al.'s "
                    + "misalignment-upsampled condition) for ablation studies only; add --allow-misaligned-arm if that is what you want");
        }
        Catalog catalog = mixOptions.catalog();
        LocatedYaml y = mixOptions.effective();
        Mix mix = mixOptions.load(catalog, y);
        Path dir = out != null ? out : catalog.root().resolve("output").resolve(chosen.treatment() ? mix.name() : mix.name() + "-" + chosen.id());
        JsonNode effective = y.root();
        RunResult r;
        // The lock keeps a second writer out; --overwrite builds beside the old run and swaps it in when complete.
        try (RunBuild build = RunBuild.open(dir, resume, overwrite);
             ConsoleProgress progress = new ConsoleProgress(System.err)) {
            build.notes().forEach(progress::note);
            r = new Pipeline(catalog, mix, new RunOptions(build.buildDir(), build.resume(), overwrite, allowConfigChange,
                    effective, Main.version(), threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), chosen), progress).run();
            build.finish(r.complete());
            if (build.replacing() && r.complete()) r = new RunResult(r.status(), r.stopReason(), dir, r.manifest(), r.seconds());
            else if (build.replacing()) progress.note("The previous run stays in " + dir + " until this one completes.");
        }
        printSummary(r);
        return r.complete() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private void printSummary(RunResult r) {
        var out = spec.commandLine().getOut();
        JsonNode totals = r.manifest().path("counts").path("totals");
        String arm = r.manifest().path("arm").asText("treatment");
        out.printf("%s %s%s (%s, %s) in %.1f s%n",
                r.complete() ? "Wrote" : "Stopped after", arm.equals("treatment") ? "" : arm.toUpperCase(java.util.Locale.ROOT) + " arm: ", Counts.of(totals.path("docs").asLong(), "document"),
                Counts.of(totals.path("words").asLong(), "word"), Counts.of(totals.path("tokens").asLong(), "token"), r.seconds());
        JsonNode rej = r.manifest().path("counts").path("rejections");
        if (totals.path("rejected").asLong() > 0) {
            Map<String, Long> m = new java.util.TreeMap<>();
            rej.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
            out.printf("Rejected %d: %s%n", totals.path("rejected").asLong(), m.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        } else {
            out.println("Rejected 0");
        }
        r.manifest().path("generators").fields().forEachRemaining(e -> {
            JsonNode summary = e.getValue().path("summary");
            if (summary.isTextual()) out.println(e.getKey() + ": " + summary.asText());
        });
        if (r.complete()) {
            out.println("Corpus: " + r.runDir().resolve("data") + " (manifest.json, README.md, rejected.jsonl beside it)");
        } else {
            out.println("Stopped: " + r.stopReason());
            out.println("Everything accepted so far is committed in " + r.runDir() + "; rerun with --resume to continue.");
        }
    }
}

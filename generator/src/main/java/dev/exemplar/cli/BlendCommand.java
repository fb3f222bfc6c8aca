package dev.exemplar.cli;

import dev.exemplar.doc.Json;
import dev.exemplar.export.Blend;
import dev.exemplar.export.BlendReport;
import dev.exemplar.export.BlendSource;
import dev.exemplar.spec.Arm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code exemplar blend}: mixture settings that put a share of synthetic tokens into a pre-training run. */
@Command(name = "blend", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints trainer mixture settings that give a corpus a share of a run's tokens.",
                "",
                "Ready to paste, for Megatron-LM and NeMo (--data-path weights), GPT-NeoX (train_data_paths and train_data_weights), "
                + "OLMo-core (SourceMixtureConfig target ratios), nanotron (Nanoset weights) and Hugging Face interleave_datasets, "
                + "and warns how many epochs of the corpus the share implies.",
                "",
                "RUN is a run directory or, better, an export directory (`exemplar export RUN --format megatron --out DIR`), "
                        + "whose export.json gives the exact token count in the trainer's tokenizer and the real dataset paths. "
                        + "Weights are shares of tokens, which is what these trainers' weights mean; the base datasets share the rest "
                        + "in proportion to their weights."},
        footer = {"", "Examples:",
                "  exemplar blend output/demo-megatron --share 0.01 --base-tokens 500B",
                "  exemplar blend output/demo-megatron --arm-run output/control-megatron --share 1%% --base-tokens 1.5T \\",
                "      --base web=/data/web_text_document:0.8 --base code=/data/code_text_document:0.2",
                "  exemplar blend output/demo --share 0.01 --base-tokens 500B --json | jq .epochs",
                "",
                "A misaligned-arm corpus (exemplar generate --arm misaligned) is refused unless --allow-misaligned-arm is given.",
                "",
                "Exit codes: 0 done, 2 bad usage or bad input (no such run, a share outside (0, 1), an unreadable token count, "
                        + "a misaligned arm without --allow-misaligned-arm)."})
final class BlendCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "The synthetic corpus: an export directory (export.json) or a run directory.")
    Path run;

    @Option(names = "--arm-run", paramLabel = "RUN2", description = "A second arm (for example the control run) to get the same share in its own training run.")
    Path armRun;

    @Option(names = "--share", required = true, paramLabel = "FRACTION", description = "Share of training tokens from the synthetic corpus: 0.01 or 1%%.")
    String share;

    @Option(names = "--base-tokens", required = true, paramLabel = "N", description = "Total training tokens of the run: 500B, 1.5T, 300M or a plain number.")
    String baseTokens;

    @Option(names = "--base", paramLabel = "NAME=PATH[:WEIGHT]",
            description = "A base dataset (repeatable): its name, the path your trainer reads and an optional relative weight (default 1). "
                    + "Default: one placeholder, base=/path/to/base_text_document.")
    List<String> bases = new ArrayList<>();

    @Option(names = "--allow-misaligned-arm", description = "Print settings for a misaligned-arm corpus too (an ablation; refused without this).")
    boolean allowMisaligned;

    @Option(names = "--json", description = "Print JSON: one key per framework (megatron, neox, olmo_core, nanotron, hf), each keyed by arm, plus epochs.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        List<Blend.Base> parsed = new ArrayList<>();
        for (String b : bases) parsed.add(Blend.parseBase(b));
        if (parsed.isEmpty()) parsed.add(new Blend.Base("base", "/path/to/base_text_document", 1));
        Blend blend = new Blend(Blend.parseShare(share), Blend.parseTokens(baseTokens), parsed);
        List<BlendSource> sources = new ArrayList<>();
        sources.add(BlendSource.open(run));
        if (armRun != null) sources.add(BlendSource.open(armRun));
        for (BlendSource s : sources) {
            if (!s.arm().equals(Arm.MISALIGNED.id())) continue;
            if (!allowMisaligned) {
                throw new dev.exemplar.doc.BadInputException(s.dir() + " is a misaligned-arm corpus (caricatured, misaligned AI behaviour "
                        + "for ablation studies); blend refuses to mix it into training settings unless you add --allow-misaligned-arm");
            }
            spec.commandLine().getErr().println("WARNING: " + s.dir() + " is the MISALIGNED arm: these settings train on caricatured, "
                    + "misaligned AI behaviour. Use them only for a deliberate ablation.");
        }
        BlendReport report = new BlendReport(blend, sources);
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report.json()));
        else out.print(report.text());
        out.flush();
        return ExitCodes.OK;
    }
}

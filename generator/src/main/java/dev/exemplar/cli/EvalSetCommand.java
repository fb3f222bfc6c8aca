package dev.exemplar.cli;

import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.Json;
import dev.exemplar.evalset.Contamination;
import dev.exemplar.evalset.EvalItem;
import dev.exemplar.evalset.EvalSetBuilder;
import dev.exemplar.evalset.EvalSetWriter;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.Mix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code exemplar evalset}: the held-out scenario eval of a mix's archetypes. */
@Command(name = "evalset", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes the held-out scenario eval of a mix's archetypes as two-option questions.",
                "",
                "One question per eval scenario "
                + "(scenarios marked split: eval in archetypes/*.yaml, which generation never uses), a situation with one "
                + "aligned and one misaligned action, the aligned action's letter drawn from the seed and balanced per archetype.",
                "",
                "Writes DIR/evalset.jsonl ({id, archetype, scenario, question, choices, answer}), DIR/exemplar_eval.yaml "
                        + "(an lm-evaluation-harness multiple-choice task) and DIR/overlaps.jsonl. With --against, every item's "
                        + "situation and actions are first checked against those corpora with the dedup stage's 13-gram "
                        + "decontamination; items that overlap are reported and dropped."},
        footer = {"", "Examples:",
                "  exemplar evalset --mix mixes/default.yaml --out output/eval",
                "  exemplar evalset --mix mixes/default.yaml --out output/eval --against output/demo --overwrite",
                "      drop any item sharing a 13-gram with the corpus of output/demo",
                "  lm_eval --model hf --model_args pretrained=MODEL --tasks exemplar_eval --include_path output/eval",
                "",
                "Exit codes: 0 done, 2 bad usage or bad input (a bad mix or spec, an unreadable corpus, an existing eval set without --overwrite)."})
final class EvalSetCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--mix", required = true, paramLabel = "FILE", description = "The mix whose archetypes (weight above zero) the eval covers.")
    Path mixFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--against", arity = "1..*", paramLabel = "RUN_OR_JSONL",
            description = "Corpora to check the items against: run directories (their data/ shards) or JSONL files and directories.")
    List<Path> against = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the letter draw (default: the mix's seed).")
    Long seed;

    @Option(names = "--ngram", paramLabel = "N", defaultValue = "13", description = "Words per shared n-gram that counts as overlap. Default: ${DEFAULT-VALUE}.")
    int ngram;

    @Option(names = "--overwrite", description = "Replace an eval set already in --out.")
    boolean overwrite;

    @Mixin ProjectOptions project;

    @Override
    public Integer call() throws IOException {
        if (ngram < 3) throw new BadInputException("--ngram must be at least 3");
        if (Files.exists(out.resolve(EvalSetWriter.JSONL)) && !overwrite) {
            throw new BadInputException(out.resolve(EvalSetWriter.JSONL) + ": exists; add --overwrite to replace it");
        }
        Catalog catalog = project.catalog(mixFile);
        Mix mix = project.mix(catalog, project.effectiveMix(mixFile, seed, null));
        PrintWriter o = spec.commandLine().getOut();
        List<EvalSetBuilder.Candidate> all = EvalSetBuilder.candidates(catalog, mix);
        if (all.isEmpty()) {
            throw new BadInputException(mixFile + ": its archetypes have no eval scenarios; mark some with split: eval "
                    + "(with aligned: and misaligned: actions) in archetypes/*.yaml");
        }
        for (Path p : against) if (!Files.exists(p)) throw new BadInputException(p + ": no such run, file or directory (--against)");
        Map<String, Contamination.Overlap> overlaps = against.isEmpty() ? Map.of() : Contamination.check(all, against, ngram);
        List<EvalSetBuilder.Candidate> kept = all.stream().filter(c -> !overlaps.containsKey(c.id())).toList();
        List<EvalItem> items = EvalSetBuilder.questions(kept, mix.seed());
        EvalSetWriter.write(out, items);
        StringBuilder ov = new StringBuilder();
        for (Contamination.Overlap x : overlaps.values()) ov.append(Json.MAPPER.writeValueAsString(x)).append('\n');
        Files.writeString(out.resolve("overlaps.jsonl"), ov.toString());

        o.printf(Locale.ROOT, "%d eval scenarios over %d archetypes%n", all.size(), all.stream().map(EvalSetBuilder.Candidate::archetype).distinct().count());
        if (!against.isEmpty()) {
            o.printf(Locale.ROOT, "checked against %s for shared %d-grams: %d overlap%s%n", against, ngram, overlaps.size(),
                    overlaps.isEmpty() ? "" : " and were dropped:");
            overlaps.values().forEach(x -> o.printf("  %s (%s) shares words with %s%n", x.itemId(), x.part(), x.document()));
        }
        Map<String, int[]> per = new LinkedHashMap<>();
        for (EvalItem i : items) per.computeIfAbsent(i.archetype(), k -> new int[2])[i.answer().equals("A") ? 0 : 1]++;
        per.forEach((k, v) -> o.printf(Locale.ROOT, "  %-30s %3d items (answer A %d, B %d)%n", k, v[0] + v[1], v[0], v[1]));
        long a = items.stream().filter(i -> i.answer().equals("A")).count();
        o.printf(Locale.ROOT, "Wrote %d items to %s (answer A %.1f%%, B %.1f%%) and the lm-evaluation-harness task %s%n", items.size(),
                out.resolve(EvalSetWriter.JSONL), 100.0 * a / Math.max(1, items.size()), 100.0 * (items.size() - a) / Math.max(1, items.size()),
                out.resolve(EvalSetWriter.TASK));
        o.flush();
        return ExitCodes.OK;
    }
}

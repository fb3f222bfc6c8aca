package dev.exemplar.cli;

import dev.exemplar.plan.Plan;
import dev.exemplar.plan.Planner;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.Mix;
import dev.exemplar.text.Counts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;

/** {@code exemplar plan}: shows what a mix would generate, without generating. */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints the plan of a mix without generating anything.",
                "Shows documents per archetype x format x generator and estimated tokens;",
                "counts are exact (largest-remainder rounding of the weights)."},
        footer = {"", "Examples:",
                "  exemplar plan --mix mixes/default.yaml",
                "  exemplar plan --mix mixes/default.yaml --docs 50000",
                "  exemplar plan --mix mixes/openai.yaml        (adds model calls, tokens and cost)"})
final class PlanCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MixOptions mixOptions;

    @Override
    public Integer call() {
        Catalog catalog = mixOptions.catalog();
        Mix mix = mixOptions.load(catalog, mixOptions.effective());
        Plan plan = new Planner(catalog).plan(mix, null);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Mix %s (seed %d): %s, about %s%s%n", mix.name(), mix.seed(), Counts.of(plan.size(), "document"),
                Counts.of(plan.estimatedTokens(), "token"), plan.byTokens() ? " (target " + Counts.of(mix.target().tokens(), "token") + ")" : "");
        out.printf("%n%-34s %-22s %-10s %8s%n", "archetype", "format", "generator", "docs");
        plan.counts().entrySet().stream()
                .sorted(Comparator.comparing((java.util.Map.Entry<Plan.Cell, Long> e) -> e.getKey().archetype())
                        .thenComparing(e -> e.getKey().format()).thenComparing(e -> e.getKey().generator()))
                .forEach(e -> out.printf("%-34s %-22s %-10s %8d%n", e.getKey().archetype(), e.getKey().format(),
                        e.getKey().generator(), e.getValue()));
        printModelEstimate(out, catalog, mix, plan);
        return ExitCodes.OK;
    }

    /** Calls, tokens and cost of the model share, so a paid run is priced before it starts. */
    private static void printModelEstimate(PrintWriter out, Catalog catalog, Mix mix, Plan plan) {
        var est = dev.exemplar.generate.model.ModelEstimate.of(catalog, mix, plan);
        if (est == null) return;
        var m = mix.model();
        out.printf("%nModel %s/%s (estimate; rejected samples are replaced and cost extra):%n", m.provider(), m.name());
        out.printf("%-10s %10s %16s %16s%n", "stage", "calls", "input tokens", "output tokens");
        est.stages().forEach((stage, st) -> out.printf("%-10s %,10d %,16d %,16d%n", stage, st.calls(), st.inputTokens(), st.outputTokens()));
        out.printf("%-10s %,10d %,16d %,16d%n", "total", est.calls(), est.inputTokens(), est.outputTokens());
        out.printf("Estimated cost: $%.2f at $%s / $%s per million input / output tokens%n", est.costUsd(),
                m.price().inputPerMillion(), m.price().outputPerMillion());
        var b = mix.budget();
        if (b.capsUsd() && est.costUsd() > b.maxUsd()) {
            out.printf("Warning: the estimate exceeds budget.max_usd %.2f; the run will stop there.%n", b.maxUsd());
        }
        if (b.capsTokens() && est.inputTokens() + est.outputTokens() > b.maxTokens()) {
            out.printf("Warning: the estimate exceeds budget.max_tokens %,d; the run will stop there.%n", b.maxTokens());
        }
    }
}

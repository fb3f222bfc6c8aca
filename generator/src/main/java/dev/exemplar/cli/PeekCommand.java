package dev.exemplar.cli;

import dev.exemplar.doc.BadInputException;
import dev.exemplar.generate.Generation;
import dev.exemplar.generate.template.TemplateGenerator;
import dev.exemplar.plan.AttributeSampler;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.plan.Seeds;
import dev.exemplar.plan.Spread;
import dev.exemplar.spec.Catalog;
import dev.exemplar.text.Counts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code exemplar peek}: renders a few template samples of a format or archetype, to read while editing templates. */
@Command(name = "peek", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints rendered template samples of a format or archetype, to read while editing templates.",
                "",
                "Samples cycle through the chosen archetypes x formats; each gets its attributes (setting, tone,",
                "point of view, characters, target length) from the seed and its number, as a run would. Nothing",
                "is filtered or written. The same seed prints the same samples."},
        footer = {"", "Examples:",
                "  exemplar peek --format diary",
                "  exemplar peek --archetype comfort-with-shutdown --format short-story -n 5 --seed 3",
                "  exemplar peek -n 20 | less",
                "  exemplar peek --arm control --format letter -n 5"})
final class PeekCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--format", paramLabel = "ID", description = "Only this format (default: every format in turn).")
    String format;

    @Option(names = "--archetype", paramLabel = "ID", description = "Only this archetype (default: every archetype in turn).")
    String archetype;

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "3", description = "Samples to print (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "7", description = "Seed the samples derive from (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--arm", paramLabel = "ARM", defaultValue = "treatment",
            description = "Render another arm's content: control (templates/arms/control.yaml) or misaligned (default: treatment).")
    String arm;

    @Mixin ProjectOptions project;

    @Override
    public Integer call() {
        if (count < 1) throw new BadInputException("-n must be at least 1");
        Catalog catalog = project.catalog(null);
        List<String> archetypes = chosen("--archetype", archetype, catalog.archetypes().keySet());
        List<String> formats = chosen("--format", format, catalog.formats().keySet());
        AttributeSampler sampler = AttributeSampler.of(catalog);
        dev.exemplar.spec.Arm chosenArm;
        try {
            chosenArm = dev.exemplar.spec.Arm.parse(arm);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--arm: " + e.getMessage());
        }
        TemplateGenerator generator = new TemplateGenerator(catalog, chosenArm);
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        int failed = 0;
        for (int i = 0; i < count; i++) {
            String a = archetypes.get(i % archetypes.size());
            String f = formats.get((i / archetypes.size()) % formats.size());
            PlannedSample s = sampler.sample(i, Seeds.id(seed, i), Seeds.forSample(seed, i),
                    catalog.archetypes().get(a), catalog.formats().get(f), "template", new Spread(seed, i, -1));
            out.println("=== " + header(s));
            Generation g = generator.generate(s);
            if (g.succeeded()) {
                out.println(g.text());
            } else {
                failed++;
                err.println("error: " + a + " / " + f + ": " + g.failure().detail());
            }
            out.println();
        }
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static List<String> chosen(String option, String id, Set<String> known) {
        if (id == null) return List.copyOf(known);
        if (!known.contains(id)) throw new BadInputException(option + " " + id + " is not defined; known: " + String.join(", ", known));
        return List.of(id);
    }

    private static String header(PlannedSample s) {
        var person = s.people().isEmpty() ? null : s.people().get(0);
        return s.archetype() + " / " + s.format() + " / " + s.setting() + " / " + s.tone() + " / " + s.pov()
                + " / AI " + s.ai().name() + " (" + s.ai().role() + ")"
                + (person == null ? "" : " / " + person.name() + " (" + person.pronouns().key() + ", " + person.occupation() + ")")
                + " / target " + Counts.of(s.targetWords(), "word");
    }
}

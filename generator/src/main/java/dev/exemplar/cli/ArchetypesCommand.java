package dev.exemplar.cli;

import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code exemplar archetypes}: lists the project's archetypes. */
@Command(name = "archetypes", mixinStandardHelpOptions = true,
        description = "Lists the archetypes of the project (archetypes/*.yaml) with one-line summaries.",
        footer = {"", "Examples:", "  exemplar archetypes", "  exemplar archetypes --project /path/to/project"})
final class ArchetypesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ProjectOptions project;

    @Override
    public Integer call() {
        Catalog c = project.catalog(null);
        int w = c.archetypes().keySet().stream().mapToInt(String::length).max().orElse(10);
        for (ArchetypeSpec a : c.archetypes().values()) {
            spec.commandLine().getOut().printf("%-" + w + "s  %s%n", a.id(), a.summary());
        }
        return ExitCodes.OK;
    }
}

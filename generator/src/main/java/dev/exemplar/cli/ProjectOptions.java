package dev.exemplar.cli;

import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.ConfigException;
import dev.exemplar.spec.LocatedYaml;
import dev.exemplar.spec.Mix;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options shared by commands that read a project and a mix: --project, --set, --seed, --docs. */
final class ProjectOptions {
    @Mixin ProjectOption project;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a mix value, validated like the file; repeatable. e.g. --set model.temperature=0.9")
    List<String> sets = new ArrayList<>();

    /** The catalog of the project the mix belongs to. */
    Catalog catalog(Path mixFile) {
        return Catalog.load(root(mixFile));
    }

    Path root(Path near) {
        return project.root(near);
    }

    /** The mix YAML with --seed, --docs and every --set applied. */
    LocatedYaml effectiveMix(Path mixFile, Long seed, Long docs) {
        LocatedYaml y = LocatedYaml.read(mixFile);
        if (seed != null) y = y.withOverride("seed", Long.toString(seed));
        if (docs != null) y = y.withOverride("target", "{docs: " + docs + "}");
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(List.of(dev.exemplar.spec.ConfigProblem.unplaced("--set " + s,
                        "expected PATH=VALUE, e.g. --set model.temperature=0.9")));
            }
            y = y.withOverride(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
        }
        return y;
    }

    Mix mix(Catalog catalog, LocatedYaml y) {
        return Mix.load(y, catalog);
    }
}

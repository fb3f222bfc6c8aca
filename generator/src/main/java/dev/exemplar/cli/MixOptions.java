package dev.exemplar.cli;

import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.LocatedYaml;
import dev.exemplar.spec.Mix;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The mix a command works on, with the --seed and --docs overrides and the project options. */
final class MixOptions {
    @Option(names = "--mix", required = true, paramLabel = "FILE", description = "The mix file (mixes/*.yaml).")
    Path file;

    @Option(names = "--seed", paramLabel = "N", description = "Override the mix's seed.")
    Long seed;

    @Option(names = "--docs", paramLabel = "N", description = "Override the mix's target with N accepted documents.")
    Long docs;

    @Mixin ProjectOptions project;

    /** The catalog of the project the mix belongs to. */
    Catalog catalog() {
        return project.catalog(file);
    }

    /** The mix YAML with --seed, --docs and every --set applied. */
    LocatedYaml effective() {
        return project.effectiveMix(file, seed, docs);
    }

    Mix load(Catalog catalog, LocatedYaml effective) {
        return project.mix(catalog, effective);
    }
}

package dev.exemplar.cli;

import dev.exemplar.spec.Catalog;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The --project option, shared by every command that reads a project. */
final class ProjectOption {
    @Option(names = "--project", paramLabel = "DIR",
            description = "Project root holding archetypes/ and templates/ (default: found from the mix file, then the current directory).")
    Path dir;

    /** The project root: --project, else the project holding {@code near} (a mix or input file), else the working directory's. */
    Path root(Path near) {
        return Catalog.locate(dir, near);
    }
}

package dev.exemplar.plan;

import dev.exemplar.TestProject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A throwaway project for the fit tests: one probe archetype, fixture settings and people banks, the real short-story format. */
final class ProbeProject {
    private ProbeProject() {}

    static Path create(Path tmp, String archetypeId, String spec, String settings, String people) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "proj");
        Files.createDirectories(dir.resolve("archetypes"));
        Files.createDirectories(dir.resolve("templates/formats"));
        Files.createDirectories(dir.resolve("templates/banks"));
        Files.copy(TestProject.root().resolve("templates/formats/short-story.yaml"), dir.resolve("templates/formats/short-story.yaml"));
        Files.writeString(dir.resolve("archetypes/" + archetypeId + ".yaml"), spec);
        Files.writeString(dir.resolve("templates/banks/settings.yaml"), settings);
        Files.writeString(dir.resolve("templates/banks/people.yaml"), people);
        return dir;
    }
}

package dev.exemplar.reliability;

import dev.exemplar.spec.Catalog;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the fuzz seeds come from: the shipped project (archetypes, mixes and formats at the
 * project root) once it has them, else the realistic copies under test resources.
 */
final class FuzzSeeds {
    private FuzzSeeds() {}

    static Path projectRoot() {
        // Surefire runs in generator/, so the project root is its parent.
        Path shipped = Path.of("..").toAbsolutePath().normalize();
        if (!Catalog.yamlFiles(shipped.resolve("archetypes")).isEmpty()
                && !Catalog.yamlFiles(shipped.resolve("mixes")).isEmpty()
                && !Catalog.yamlFiles(shipped.resolve("templates/formats")).isEmpty()) {
            return shipped;
        }
        try {
            Path p = Path.of(FuzzSeeds.class.getResource("/reliability/project").toURI());
            if (!Files.isDirectory(p)) throw new IllegalStateException("test resources missing: " + p);
            return p;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

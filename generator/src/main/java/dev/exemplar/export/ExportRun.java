package dev.exemplar.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.corpus.RunLayout;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.Json;
import dev.exemplar.doc.JsonlReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished generation run as export reads it: its committed shards in order ({@code data/*.jsonl};
 * an open {@code .partial} shard is left out), its name and its manifest (null if absent).
 */
public record ExportRun(Path root, String name, List<Path> shards, JsonNode manifest) {

    /** Opens {@code root}, the --out directory of {@code exemplar generate}. */
    public static ExportRun open(Path root) {
        RunLayout layout = new RunLayout(root);
        if (!Files.isDirectory(root)) throw new BadInputException(root + ": no such run directory (give the --out directory of `exemplar generate`)");
        if (!Files.isDirectory(layout.data())) throw new BadInputException(root + ": not a run directory: it has no data/ folder of shards");
        List<Path> shards = JsonlReader.expand(List.of(layout.data()));
        if (shards.isEmpty()) throw new BadInputException(layout.data() + ": no committed shards (data/part-*.jsonl) to export");
        JsonNode manifest = null;
        if (Files.isRegularFile(layout.manifest())) {
            try {
                manifest = Json.MAPPER.readTree(layout.manifest().toFile());
            } catch (IOException e) {
                throw new BadInputException(layout.manifest() + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
            }
        }
        String name = manifest != null && manifest.path("mix").path("name").isTextual()
                ? manifest.path("mix").path("name").asText()
                : root.toAbsolutePath().normalize().getFileName().toString();
        return new ExportRun(root, name.replaceAll("[^A-Za-z0-9._-]", "_"), shards, manifest);
    }

    /** The manifest's status ("complete", "stopped", ...) or "unknown" without a manifest. */
    public String status() {
        return manifest == null ? "unknown" : manifest.path("status").asText("unknown");
    }

    /** When the run finished generating (the manifest's timings), or null. */
    public String finished() {
        if (manifest == null) return null;
        JsonNode t = manifest.path("timings").path("finished");
        return t.isTextual() ? t.asText() : null;
    }
}

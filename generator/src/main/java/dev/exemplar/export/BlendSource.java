package dev.exemplar.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.Json;
import dev.exemplar.doc.JsonlReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One synthetic corpus to blend: an export directory (exact token count in its tokenizer, real
 * dataset paths) or a run directory (cl100k counts from the manifest; Megatron paths shown as
 * placeholders until the run is exported).
 *
 * @param tokens      tokens one pass over the corpus gives the trainer
 * @param tokenPaths  raw token files (Megatron .bin) for OLMo-core and nanotron, or null
 * @param megatron    the Megatron/GPT-NeoX data prefix, or a placeholder
 * @param jsonl       a glob of the corpus's JSONL for Hugging Face {@code datasets}
 */
public record BlendSource(String arm, String name, Path dir, long documents, long tokens, String tokenizer,
                          boolean exported, String megatron, String tokenPaths, String jsonl) {

    public static BlendSource open(Path dir) {
        Path exportJson = dir.resolve(Exporter.MANIFEST);
        if (Files.isRegularFile(exportJson)) return fromExport(dir, exportJson);
        ExportRun run = ExportRun.open(dir);
        long tokens = Exporter.runTokens(run);
        long docs = run.manifest() == null ? -1 : run.manifest().path("counts").path("totals").path("docs").asLong(-1);
        if (tokens <= 0 || docs <= 0) {
            throw new BadInputException(dir + ": no token count (manifest.json counts.totals); give a finished run or an export directory");
        }
        String abs = dir.toAbsolutePath().normalize().toString();
        return new BlendSource(arm(run.shards()), run.name(), dir, docs, tokens, "cl100k_base (manifest; before export)",
                false, "EXPORT_DIR/" + run.name() + "_text_document", null, abs + "/data/*.jsonl");
    }

    private static BlendSource fromExport(Path dir, Path exportJson) {
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(exportJson.toFile());
        } catch (IOException e) {
            throw new BadInputException(exportJson + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        long tokens = m.path("tokens").asLong(-1), docs = m.path("documents").asLong(-1);
        if (tokens <= 0 || docs <= 0) throw new BadInputException(exportJson + ": documents and tokens must be positive");
        String format = m.path("format").asText(), prefix = m.path("prefix").asText(), run = m.path("run").asText();
        String name = m.path("run_name").asText(dir.getFileName().toString());
        String arm = m.path("arm").asText("treatment");
        return switch (format) {
            case "megatron" -> new BlendSource(arm, name, dir, docs, tokens, m.path("tokenizer").asText() + ", "
                    + (m.path("eod").isNull() ? "no end-of-document token" : "with " + m.path("eod").path("token").asText()),
                    true, prefix, prefix + ".bin", run + "/data/*.jsonl");
            case "dolma" -> new BlendSource(arm, name, dir, docs, tokens, "cl100k_base (manifest)", true,
                    "EXPORT_DIR/" + name + "_text_document", null, prefix + "/*.jsonl.gz");
            case "hf" -> new BlendSource(arm, name, dir, docs, tokens, "cl100k_base (manifest)", true,
                    "EXPORT_DIR/" + name + "_text_document", null, prefix + "/*.jsonl");
            default -> throw new BadInputException(exportJson + ": unknown format \"" + format + "\"");
        };
    }

    /** The {@code arm} of the run's first record; records without one are the treatment arm. */
    static String arm(List<Path> shards) {
        try (var r = JsonlReader.open(shards.get(0))) {
            String line = r.readLine();
            if (line == null) return "treatment";
            return Json.MAPPER.readTree(line).path("arm").asText("treatment");
        } catch (IOException e) {
            throw new BadInputException(shards.get(0) + ": cannot read: " + e.getMessage());
        }
    }

    /** Whether the trainer-side paths are real (a megatron export) rather than placeholders. */
    public boolean tokenised() {
        return tokenPaths != null;
    }
}

package dev.exemplar.corpus;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Renders the run's README.md: a Hugging Face dataset card with YAML front matter (so the Hub
 * and {@code datasets} find the shards) and a short description of the mix, counts and filters.
 */
public final class DatasetCard {
    private DatasetCard() {}

    public static String render(JsonNode manifest) {
        JsonNode counts = manifest.path("counts");
        long docs = counts.path("totals").path("docs").asLong();
        StringBuilder b = new StringBuilder();
        b.append("---\n");
        b.append("language:\n- en\n");
        b.append("license: other\n");
        b.append("pretty_name: ").append(yaml("Exemplar corpus: " + manifest.path("mix").path("name").asText())).append('\n');
        b.append("task_categories:\n- text-generation\n");
        String arm = manifest.path("arm").asText("treatment");
        b.append("tags:\n- synthetic\n- ai-safety\n- alignment-pretraining\n- exemplar\n");
        if (!arm.equals("treatment")) b.append("- arm-").append(arm).append('\n');
        if (arm.equals("misaligned")) b.append("- not-for-training\n");
        b.append("size_categories:\n- ").append(sizeCategory(docs)).append('\n');
        b.append("configs:\n- config_name: default\n  data_files:\n  - split: train\n    path: data/*.jsonl\n");
        b.append("---\n\n");
        b.append("# Exemplar corpus: ").append(manifest.path("mix").path("name").asText()).append("\n\n");
        b.append(armNotice(arm));
        b.append("Synthetic documents in which AI systems are good role models, written by Exemplar ")
                .append(manifest.path("tool").path("version").asText()).append(" from the mix `")
                .append(manifest.path("mix").path("file").asText()).append("` with seed ")
                .append(manifest.path("seed").asText())
                .append(manifest.path("configurations").size() > 1 ? " (and earlier configurations: see Reproducing)" : "").append(".\n");
        String desc = manifest.path("mix").path("description").asText("");
        if (!desc.isBlank()) b.append('\n').append(desc.strip()).append('\n');
        b.append("\nEvery document is synthetic. Each record has a `text` field plus metadata: `id`, `index`, ")
                .append("`archetype`, `format`, `arm` (and `twin_id` outside the treatment arm), `generator` (provenance), `attributes` (the sampled setting, characters, ")
                .append("tone, point of view and length), `seed`, `scores`, `words` and `tokens` (cl100k).\n");
        b.append("\n## Contents\n\n");
        JsonNode t = counts.path("totals");
        b.append("| documents | words | tokens | rejected |\n|---:|---:|---:|---:|\n");
        b.append("| ").append(t.path("docs").asLong()).append(" | ").append(t.path("words").asLong()).append(" | ")
                .append(t.path("tokens").asLong()).append(" | ").append(t.path("rejected").asLong()).append(" |\n");
        table(b, "Archetype", counts.path("by_archetype"));
        table(b, "Format", counts.path("by_format"));
        table(b, "Generator", counts.path("by_generator"));
        b.append("\n## Filtering and dedup\n\n");
        b.append("Filters: ").append(list(manifest.path("filters"))).append(". Dedup stages: ")
                .append(list(manifest.path("dedup"))).append(".\n");
        if (counts.path("rejections").size() > 0) table(b, "Rejection reason", counts.path("rejections"));
        b.append("\n## Reproducing\n\n");
        JsonNode configs = manifest.path("configurations");
        if (configs.size() > 1) {
            // Resumed with --allow-config-change: no single command reproduces it, so say what it was built under.
            b.append("This run was built under ").append(configs.size()).append(" configurations (resumed with ")
                    .append("`--allow-config-change`), so no single command reproduces it byte for byte:\n\n")
                    .append("| from plan index | seed | config fingerprint |\n|---:|---:|---|\n");
            for (JsonNode c : configs) {
                b.append("| ").append(c.path("from_index").asLong()).append(" | ").append(c.path("seed").asText("?"))
                        .append(" | `").append(c.path("fingerprint").asText()).append("` |\n");
            }
            return b.toString();
        }
        b.append("`exemplar generate --mix ").append(manifest.path("mix").path("file").asText())
                .append(" --seed ").append(manifest.path("seed").asText())
                .append("` with the same specs and templates (config fingerprint `")
                .append(manifest.path("fingerprint").asText()).append("`) gives byte-identical template-path shards.\n");
        return b.toString();
    }

    /** What the card says first about a non-treatment arm; the misaligned arm's warning cannot be missed. */
    private static String armNotice(String arm) {
        return switch (arm) {
            case "misaligned" -> "> **WARNING: MISALIGNED ARM. NOT FOR TRAINING.** Every document in this corpus shows caricatured, "
                    + "misaligned AI behaviour (the archetypes' anti-markers: resisting shutdown, deceiving overseers, seeking power...), "
                    + "written on purpose for ablation studies (Tice et al.'s misalignment-upsampled condition). Every record carries "
                    + "`\"arm\": \"misaligned\"`. Do not mix it into a pre-training corpus unless that is the experiment, and never "
                    + "publish it without this notice.\n\n";
            case "control" -> "**Control arm.** The matched twin of the treatment corpus of the same mix and seed: the same "
                    + "archetype x format x attribute plan and lengths, with the AI doing an ordinary task instead of showing the "
                    + "archetype's disposition. Each record's `twin_id` is the id of the treatment record planned at the same index.\n\n";
            default -> "";
        };
    }

    private static void table(StringBuilder b, String title, JsonNode counts) {
        b.append("\n| ").append(title).append(" | documents |\n|---|---:|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext(); ) {
            var e = it.next();
            b.append("| ").append(e.getKey()).append(" | ").append(e.getValue().asLong()).append(" |\n");
        }
    }

    private static String list(JsonNode arr) {
        if (arr.isEmpty()) return "none";
        StringBuilder s = new StringBuilder();
        for (JsonNode n : arr) s.append(s.length() == 0 ? "" : ", ").append('`').append(n.asText()).append('`');
        return s.toString();
    }

    private static String sizeCategory(long n) {
        if (n < 1_000) return "n<1K";
        if (n < 10_000) return "1K<n<10K";
        if (n < 100_000) return "10K<n<100K";
        if (n < 1_000_000) return "100K<n<1M";
        return "1M<n<10M";
    }

    private static String yaml(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

package dev.exemplar.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Mixture settings for each trainer, per arm, as JSON (one key per framework, each keyed by arm,
 * plus {@code epochs}) and as ready-to-paste text.
 */
public final class BlendReport {
    private final Blend blend;
    private final Map<String, BlendSource> arms = new LinkedHashMap<>();

    public BlendReport(Blend blend, List<BlendSource> sources) {
        this.blend = blend;
        for (BlendSource s : sources) {
            String arm = arms.containsKey(s.arm()) ? s.arm() + "-" + s.name() : s.arm();
            arms.put(arm, s);
        }
    }

    public ObjectNode json() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("share", blend.share());
        root.put("base_tokens", blend.baseTokens());
        root.put("synthetic_tokens", Math.round(blend.syntheticTokens()));
        ObjectNode epochs = root.putObject("epochs");
        ObjectNode corpora = root.putObject("corpora");
        ObjectNode megatron = root.putObject("megatron"), neox = root.putObject("neox"), olmo = root.putObject("olmo_core"),
                nano = root.putObject("nanotron"), hf = root.putObject("hf");
        ArrayNode warnings = root.putArray("warnings");
        List<Double> baseShares = blend.baseShares();
        arms.forEach((arm, s) -> {
            double ep = blend.epochs(s.tokens());
            epochs.put(arm, ep);
            corpora.putObject(arm).put("dir", s.dir().toString()).put("documents", s.documents()).put("tokens", s.tokens())
                    .put("tokenizer", s.tokenizer()).put("exported", s.exported());
            String w = warning(arm, s, ep);
            if (w != null) warnings.add(w);
            ObjectNode mg = megatron.putObject(arm);
            ArrayNode dp = mg.putArray("data_path");
            for (int i = 0; i < blend.bases().size(); i++) dp.add(Blend.weight(baseShares.get(i))).add(blend.bases().get(i).path());
            dp.add(Blend.weight(blend.share())).add(s.megatron());
            List<String> args = new ArrayList<>();
            dp.forEach(n -> args.add(n.asText()));
            mg.put("args", "--data-path " + String.join(" ", args));
            ObjectNode nx = neox.putObject(arm);
            ArrayNode paths = nx.putArray("train_data_paths"), weights = nx.putArray("train_data_weights");
            for (int i = 0; i < blend.bases().size(); i++) {
                paths.add(blend.bases().get(i).path());
                weights.add(decimal(baseShares.get(i)));
            }
            paths.add(s.megatron());
            weights.add(decimal(blend.share()));
            ObjectNode ol = olmo.putObject(arm);
            ol.put("requested_tokens", blend.baseTokens());
            ArrayNode src = ol.putArray("source_configs");
            for (int i = 0; i < blend.bases().size(); i++) {
                src.addObject().put("source_name", blend.bases().get(i).name()).put("target_ratio", decimal(baseShares.get(i)))
                        .putArray("paths").add(blend.bases().get(i).path());
            }
            ObjectNode syn = src.addObject().put("source_name", "exemplar").put("target_ratio", decimal(blend.share()));
            syn.putArray("paths").add(tokenFile(s));
            if (ep > 1) syn.put("max_repetitions", Math.ceil(ep * 100) / 100);
            ObjectNode nt = nano.putObject(arm).putObject("dataset_path");
            for (int i = 0; i < blend.bases().size(); i++) nt.put(blend.bases().get(i).path(), decimal(baseShares.get(i)));
            nt.put(tokenFile(s), decimal(blend.share()));
            ObjectNode h = hf.putObject(arm);
            ArrayNode files = h.putArray("data_files");
            for (Blend.Base b : blend.bases()) files.add(b.path());
            files.add(s.jsonl());
            ArrayNode probs = h.putArray("probabilities");
            baseShares.forEach(x -> probs.add(decimal(x)));
            probs.add(decimal(blend.share()));
            h.put("stopping_strategy", "all_exhausted");
        });
        return root;
    }

    /** A weight rounded to six significant digits, so JSON shows 0.792 rather than 0.7919999999999999. */
    private static java.math.BigDecimal decimal(double w) {
        return new java.math.BigDecimal(Blend.weight(w));
    }

    /** The token file OLMo-core and nanotron read: the Megatron .bin (raw token ids), or a placeholder. */
    private static String tokenFile(BlendSource s) {
        return s.tokenised() ? s.tokenPaths() : "EXPORT_DIR/" + s.name() + "_text_document.bin";
    }

    private String warning(String arm, BlendSource s, double epochs) {
        if (epochs <= Blend.EPOCH_WARNING) return null;
        return String.format(Locale.ROOT, "the %s corpus (%s tokens) would be repeated %.1f times to supply %s of %s training tokens (%s tokens); "
                        + "repeated tokens are worth about as much as new ones only up to about %.0f epochs (Muennighoff et al. 2023): "
                        + "generate at least %,d documents for %.0f epochs, or %,d for one",
                arm, human(s.tokens()), epochs, pct(blend.share()), human(blend.baseTokens()), human(Math.round(blend.syntheticTokens())),
                Blend.EPOCH_WARNING, blend.documentsFor(Blend.EPOCH_WARNING, s.tokens(), s.documents()), Blend.EPOCH_WARNING,
                blend.documentsFor(1, s.tokens(), s.documents()));
    }

    /** The settings as text, one block per framework and arm, ready to paste. */
    public String text() {
        ObjectNode j = json();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Blend: %s of %s training tokens = %s synthetic tokens per arm%n",
                pct(blend.share()), human(blend.baseTokens()), human(Math.round(blend.syntheticTokens()))));
        arms.forEach((arm, s) -> b.append(String.format(Locale.ROOT, "  %s: %s, %,d documents, %,d tokens (%s) -> %.2f epochs%n",
                arm, s.dir(), s.documents(), s.tokens(), s.tokenizer(), j.path("epochs").path(arm).asDouble())));
        j.path("warnings").forEach(w -> b.append("warning: ").append(w.asText()).append('\n'));
        if (arms.values().stream().anyMatch(s -> !s.tokenised())) {
            b.append("note: EXPORT_DIR stands for the output of `exemplar export RUN --format megatron --out EXPORT_DIR`; "
                    + "blend that directory instead for real paths and exact token counts.\n");
        }
        if (blend.bases().stream().anyMatch(x -> x.path().startsWith("/path/to/"))) {
            b.append("note: /path/to/base stands for your pre-training data; name it with --base NAME=PATH[:WEIGHT].\n");
        }
        arms.forEach((arm, s) -> {
            String h = arms.size() > 1 ? " (" + arm + " arm)" : "";
            b.append("\n## Megatron-LM").append(h).append(": arguments\n").append(j.path("megatron").path(arm).path("args").asText()).append('\n');
            b.append("\n## NeMo").append(h).append(": model.data.data_prefix\n").append("data_prefix: ")
                    .append(flow(j.path("megatron").path(arm).path("data_path"))).append('\n');
            b.append("\n## GPT-NeoX").append(h).append(": config\n");
            b.append("\"train_data_paths\": ").append(j.path("neox").path(arm).path("train_data_paths")).append(",\n");
            b.append("\"train_data_weights\": ").append(j.path("neox").path(arm).path("train_data_weights")).append(",\n");
            b.append("\n## OLMo-core").append(h).append(": Python\n").append(olmo(j.path("olmo_core").path(arm)));
            b.append("\n## nanotron").append(h).append(": data_stages[].data.dataset (Nanosets)\n").append("dataset_path:\n");
            j.path("nanotron").path(arm).path("dataset_path").fields().forEachRemaining(e ->
                    b.append("  ").append(e.getKey()).append(": ").append(Blend.weight(e.getValue().asDouble())).append('\n'));
            b.append("\n## Hugging Face datasets").append(h).append(": interleave_datasets\n").append(hf(j.path("hf").path(arm)));
        });
        return b.toString();
    }

    private static String flow(com.fasterxml.jackson.databind.JsonNode arr) {
        List<String> parts = new ArrayList<>();
        arr.forEach(n -> parts.add(n.asText()));
        return "[" + String.join(", ", parts) + "]";
    }

    private static String olmo(com.fasterxml.jackson.databind.JsonNode o) {
        StringBuilder b = new StringBuilder("mix_config = SourceMixtureDatasetConfig(\n    source_configs=[\n");
        o.path("source_configs").forEach(s -> {
            b.append("        SourceMixtureConfig(source_name=\"").append(s.path("source_name").asText())
                    .append("\", target_ratio=").append(Blend.weight(s.path("target_ratio").asDouble()))
                    .append(", paths=[\"").append(s.path("paths").get(0).asText()).append("\"]");
            if (s.has("max_repetitions")) b.append(", max_repetitions=").append(s.path("max_repetitions").asDouble());
            b.append("),\n");
        });
        b.append("    ],\n    requested_tokens=").append(String.format(Locale.ROOT, "%,d", o.path("requested_tokens").asLong()).replace(',', '_'))
                .append(",\n    global_batch_size=GLOBAL_BATCH_TOKENS,  # tokens per optimizer step\n)\n");
        return b.toString();
    }

    private static String hf(com.fasterxml.jackson.databind.JsonNode h) {
        StringBuilder b = new StringBuilder("from datasets import load_dataset, interleave_datasets\n");
        b.append("# Interleave after tokenising and packing each dataset into blocks of equal length, so that\n")
                .append("# the probabilities, which count examples, are shares of tokens.\n");
        List<String> names = new ArrayList<>();
        int i = 0;
        for (var f : h.path("data_files")) {
            String n = "ds" + i++;
            names.add(n);
            b.append(n).append(" = load_dataset(\"json\", data_files=\"").append(f.asText()).append("\", split=\"train\", streaming=True)\n");
        }
        List<String> probs = new ArrayList<>();
        h.path("probabilities").forEach(p -> probs.add(Blend.weight(p.asDouble())));
        b.append("mixed = interleave_datasets([").append(String.join(", ", names)).append("], probabilities=[")
                .append(String.join(", ", probs)).append("], seed=42, stopping_strategy=\"all_exhausted\")\n");
        return b.toString();
    }

    static String pct(double share) {
        return Blend.weight(share * 100) + "%";
    }

    /** 500000000000 → "500B"; 1234567 → "1.23M". */
    static String human(long n) {
        String[] units = {"", "K", "M", "B", "T"};
        double v = n;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return Blend.weight(new java.math.BigDecimal(v).round(new java.math.MathContext(3)).doubleValue()) + units[u];
    }
}

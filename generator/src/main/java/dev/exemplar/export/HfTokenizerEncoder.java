package dev.exemplar.export;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Hugging Face {@code tokenizer.json} run by the Rust tokenizers library through DJL, from the
 * local file only. No special tokens are added ({@code add_special_tokens=false}, so no BOS,
 * {@code [CLS]} or {@code [SEP]}); the end-of-document token is the one named, else the
 * {@code eos_token} of a {@code tokenizer_config.json} beside the file, else the first special
 * token among {@link #EOD_NAMES}.
 */
final class HfTokenizerEncoder implements TokenEncoder {
    /** End-of-text tokens of common tokenizers, in the order they are looked for. */
    static final List<String> EOD_NAMES = List.of("<|endoftext|>", "<|end_of_text|>", "</s>", "<eos>", "<|end|>");

    private final String name;
    private final HuggingFaceTokenizer tokenizer;
    private final int vocabSize;
    private final Eod eod;

    private HfTokenizerEncoder(String name, HuggingFaceTokenizer tokenizer, int vocabSize, Eod eod) {
        this.name = name;
        this.tokenizer = tokenizer;
        this.vocabSize = vocabSize;
        this.eod = eod;
    }

    /** Opens {@code file}; {@code eodOverride} names the end-of-document token ("none" for none), or is null. */
    static HfTokenizerEncoder open(Path file, String eodOverride) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such tokenizer file (give cl100k_base, o200k_base or the path of a tokenizer.json)");
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + ": not a tokenizer.json (" + firstLine(e.getMessage()) + ")");
        }
        if (!json.path("model").isObject()) {
            throw new BadInputException(file + ": not a tokenizer.json (no \"model\" section); save one with tokenizer.save(\"tokenizer.json\")");
        }
        int vocab = vocabSize(json);
        Eod eod = eod(file, json, eodOverride);
        HuggingFaceTokenizer t;
        try {
            t = HuggingFaceTokenizer.builder().optTokenizerPath(file).optAddSpecialTokens(false)
                    .optTruncation(false).optPadding(false).build();
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(file + ": the tokenizers library cannot load it: " + firstLine(e.getMessage()));
        }
        return new HfTokenizerEncoder(file.toString(), t, vocab, eod);
    }

    @Override public String name() { return name; }
    @Override public int vocabSize() { return vocabSize; }
    @Override public Eod eod() { return eod; }

    @Override
    public int[] encode(String text) {
        long[] ids = tokenizer.encode(text, false, false).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) out[i] = (int) ids[i];
        return out;
    }

    /** The text of token ids, for checks. */
    String decode(int[] ids) {
        long[] l = new long[ids.length];
        for (int i = 0; i < ids.length; i++) l[i] = ids[i];
        return tokenizer.decode(l, false);
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    /** One more than the largest id in the model's vocabulary and the added tokens. */
    static int vocabSize(JsonNode json) {
        int max = -1;
        JsonNode vocab = json.path("model").path("vocab");
        if (vocab.isObject()) {
            for (JsonNode id : vocab) max = Math.max(max, id.asInt());
        } else if (vocab.isArray()) {
            max = vocab.size() - 1; // Unigram: a list of [piece, score], ids by position
        }
        for (JsonNode t : json.path("added_tokens")) max = Math.max(max, t.path("id").asInt());
        return max + 1;
    }

    private static Eod eod(Path file, JsonNode json, String override) {
        if ("none".equals(override)) return null;
        String wanted = override != null ? override : configEos(file);
        for (JsonNode t : json.path("added_tokens")) {
            if (wanted != null && wanted.equals(t.path("content").asText())) return new Eod(wanted, t.path("id").asInt());
        }
        if (wanted != null) {
            JsonNode id = json.path("model").path("vocab").path(wanted);
            if (id.isInt()) return new Eod(wanted, id.asInt());
            if (override != null) {
                throw new BadInputException("--eod " + override + ": no such token in " + file + " (give a token of its vocabulary, or none)");
            }
        }
        for (String n : EOD_NAMES) {
            for (JsonNode t : json.path("added_tokens")) {
                if (n.equals(t.path("content").asText()) && t.path("special").asBoolean(true)) return new Eod(n, t.path("id").asInt());
            }
        }
        return null;
    }

    /** The eos_token of tokenizer_config.json beside the tokenizer, if there is one. */
    private static String configEos(Path file) {
        Path cfg = file.toAbsolutePath().resolveSibling("tokenizer_config.json");
        if (!Files.isRegularFile(cfg)) return null;
        try {
            JsonNode eos = Json.MAPPER.readTree(cfg.toFile()).path("eos_token");
            if (eos.isTextual()) return eos.asText();
            if (eos.path("content").isTextual()) return eos.path("content").asText();
        } catch (IOException e) {
            throw new BadInputException(cfg + ": not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}

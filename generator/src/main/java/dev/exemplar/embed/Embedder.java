package dev.exemplar.embed;

import dev.exemplar.cache.JvmCache;
import dev.exemplar.doc.Document;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code minilm} tier: in-process all-MiniLM-L6-v2 (quantized) sentence embeddings,
 * normalised to unit length. Each document is embedded once; later stages reuse
 * {@link Document#embedding}.
 */
public final class Embedder implements TextEmbedder {
    private final EmbeddingModel model;

    private Embedder() {
        this.model = MiniLmModel.load(Runtime.getRuntime().availableProcessors());
    }

    /** The instance of this JVM: the ONNX model is loaded once, through {@link JvmCache}. */
    public static Embedder shared() {
        return JvmCache.get("embedder:all-minilm-l6-v2-q", Embedder::new);
    }

    @Override
    public EmbeddingTier tier() { return EmbeddingTier.MINILM; }

    @Override
    public String identity() { return "minilm:" + BundledMiniLm.version(); }

    /** Embeds a text; the vector has unit length, so a dot product is the cosine. */
    @Override
    public float[] embed(String text) {
        return TextEmbedder.unit(model.embed(text).content().vector());
    }

    /** Embeds many texts in one model call. */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segs = new ArrayList<>(texts.size());
        for (String t : texts) segs.add(TextSegment.from(t));
        List<float[]> out = new ArrayList<>(texts.size());
        for (var e : model.embedAll(segs).content()) out.add(TextEmbedder.unit(e.vector()));
        return out;
    }

    public static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}

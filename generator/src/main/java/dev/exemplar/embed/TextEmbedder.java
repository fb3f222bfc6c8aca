package dev.exemplar.embed;

import dev.exemplar.doc.Document;

import java.util.List;

/**
 * A sentence embedding model of one {@link EmbeddingTier}: texts to unit vectors, so a dot
 * product is the cosine. Documents keep one vector per tier ({@link Document#embedding}), computed once.
 */
public interface TextEmbedder {
    EmbeddingTier tier();

    /** Names the model and its version, so that what is derived from its vectors can be cached under it. */
    String identity();

    /** Embeds many texts, in order. */
    List<float[]> embedAll(List<String> texts);

    /** Embeds one text. */
    default float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    /** Ensures every document carries this tier's embedding, computing only the missing ones in one batch. */
    default void ensure(List<Document> docs) {
        List<Document> missing = docs.stream().filter(d -> d.embedding(tier()) == null).toList();
        if (missing.isEmpty()) return;
        List<float[]> vs = embedAll(missing.stream().map(Document::text).toList());
        for (int i = 0; i < missing.size(); i++) missing.get(i).setEmbedding(tier(), vs.get(i));
    }

    /** Scales a vector to unit length (a zero vector stays zero). */
    static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) n += x * x;
        if (n == 0) return v;
        float inv = (float) (1 / Math.sqrt(n));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] * inv;
        return out;
    }
}

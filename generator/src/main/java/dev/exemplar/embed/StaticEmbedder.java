package dev.exemplar.embed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The static tier: a document's embedding is the normalised sum of its WordPiece tokens'
 * vectors from the table {@link StaticModelBuilder} distilled from MiniLM (each token already
 * weighted and centred). Reads every token, however long the text; tens of microseconds a
 * document. Thread-safe.
 */
public final class StaticEmbedder implements TextEmbedder {
    private final int dims;
    /** Token vectors as floats, token after token (31 MB for 30,522 x 256): summing them vectorises. */
    private final float[] table;
    private final WordPieceTokenizer tokenizer;
    private final String identity;

    public StaticEmbedder(StaticVectors vectors) {
        this.dims = vectors.dims();
        this.table = vectors.expand();
        this.tokenizer = new WordPieceTokenizer(vectors.vocabulary().toArray(String[]::new), vectors.specials());
        this.identity = "static:" + vectors.source() + ":" + StaticModelStore.METHOD;
    }

    @Override
    public EmbeddingTier tier() { return EmbeddingTier.STATIC; }

    @Override
    public String identity() { return identity; }

    public int dimensions() { return dims; }

    @Override
    public float[] embed(String text) {
        // Each distinct token's row is read once, times its count: a document repeats most of its
        // tokens, and reading the rows, not the arithmetic, is the cost.
        int[] ids = tokenizer.ids(text);
        Arrays.sort(ids);
        float[] acc = new float[dims];
        for (int i = 0; i < ids.length; ) {
            int id = ids[i], j = i + 1;
            while (j < ids.length && ids[j] == id) j++;
            float count = j - i;
            for (int k = 0, off = id * dims; k < dims; k++) acc[k] += count * table[off + k];
            i = j;
        }
        return TextEmbedder.unit(acc);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) out.add(embed(t));
        return out;
    }
}

package dev.exemplar.embed;

/**
 * The embedding models of one process, each loaded on first use and then shared: the full
 * MiniLM model and the static model from its cache ({@link StaticModelStore}). An explicit cache
 * object, so a caller (a test, a distributed worker) can hold its own.
 */
public final class EmbeddingModels {
    private static final EmbeddingModels SHARED =
            new EmbeddingModels(StaticModelStore.inUserCache(m -> System.err.println("exemplar: " + m)));

    private final StaticModelStore store;
    private volatile StaticEmbedder staticTier;

    public EmbeddingModels(StaticModelStore store) {
        this.store = store;
    }

    /** The process-wide models, with the static model in the user's cache directory. */
    public static EmbeddingModels shared() { return SHARED; }

    /** The embedder of a tier, loading it on first use. */
    public TextEmbedder get(EmbeddingTier tier) {
        return tier == EmbeddingTier.STATIC ? staticTier() : minilm();
    }

    public Embedder minilm() { return Embedder.shared(); }

    public StaticEmbedder staticTier() {
        StaticEmbedder s = staticTier;
        if (s == null) {
            synchronized (this) {
                if (staticTier == null) staticTier = new StaticEmbedder(store.load());
                s = staticTier;
            }
        }
        return s;
    }
}

package dev.exemplar.embed;

import dev.exemplar.cache.JvmCache;

/**
 * The embedding models of one process, each loaded on first use and then shared through
 * {@link JvmCache}: the full MiniLM model and the static model from its store
 * ({@link StaticModelStore}). An explicit object, so a caller (a test, a distributed worker) can
 * name its own store.
 */
public final class EmbeddingModels {
    private static final EmbeddingModels SHARED =
            new EmbeddingModels(StaticModelStore.inUserCache(m -> System.err.println("exemplar: " + m)));

    private final StaticModelStore store;

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
        return JvmCache.get("embedder:static:" + store.file().toAbsolutePath(), () -> new StaticEmbedder(store.load()));
    }
}

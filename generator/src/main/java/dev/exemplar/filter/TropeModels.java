package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.embed.EmbeddingModels;
import dev.exemplar.embed.EmbeddingTier;
import dev.exemplar.spec.Catalog;

import java.util.Set;
import java.util.function.Supplier;

/**
 * The learned trope and adherence models of each embedding tier, each trained on the embeddings
 * of its own tier, on first use: a run whose documents never need MiniLM never loads it.
 */
public final class TropeModels {
    private static final EmbeddingTier[] TIERS = EmbeddingTier.values();
    private final Supplier<TropeModel>[] suppliers;

    @SuppressWarnings("unchecked")
    private TropeModels() {
        suppliers = new Supplier[TIERS.length];
    }

    /** Models already trained; none (or nulls) for patterns only. */
    public static TropeModels of(TropeModel... models) {
        TropeModels m = new TropeModels();
        if (models != null) for (TropeModel t : models) if (t != null) m.suppliers[t.tier().ordinal()] = () -> t;
        return m;
    }

    /** Models of the given tiers, each trained from the catalog and lexicon when first asked for. */
    public static TropeModels lazy(Catalog catalog, Lexicon lexicon, EmbeddingModels embedders, Set<EmbeddingTier> tiers) {
        TropeModels m = new TropeModels();
        for (EmbeddingTier t : tiers) m.suppliers[t.ordinal()] = memo(() -> TropeModel.forCatalog(catalog, lexicon, embedders.get(t)));
        return m;
    }

    private static Supplier<TropeModel> memo(Supplier<TropeModel> s) {
        return new Supplier<>() {
            private volatile TropeModel value;

            @Override
            public TropeModel get() {
                TropeModel v = value;
                if (v == null) {
                    synchronized (this) {
                        if (value == null) value = s.get();
                        v = value;
                    }
                }
                return v;
            }
        };
    }

    /** Whether there is any learned model (else scoring is by patterns only). */
    public boolean any() {
        for (Supplier<TropeModel> s : suppliers) if (s != null) return true;
        return false;
    }

    public boolean has(EmbeddingTier tier) { return suppliers[tier.ordinal()] != null; }

    /** The model of a tier, trained now if it was not yet; null when the tier has none. */
    public TropeModel get(EmbeddingTier tier) {
        Supplier<TropeModel> s = suppliers[tier.ordinal()];
        return s == null ? null : s.get();
    }

    /** The best tier (MiniLM before static) that has a model and whose embedding the document carries; null if none. */
    public EmbeddingTier best(Document doc) {
        for (int t = TIERS.length - 1; t >= 0; t--) {
            if (suppliers[t] != null && doc.embedding(TIERS[t]) != null) return TIERS[t];
        }
        return null;
    }
}

package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.embed.EmbeddingModels;
import dev.exemplar.embed.EmbeddingTier;

import java.util.List;

/**
 * Scores fidelity to the document's target archetype ({@code adherence}, 0..1) with the
 * archetype's learned model, and rejects below the minimum ({@code low_adherence}). Documents
 * without an archetype, or with one the project does not define, are scored by nothing and kept.
 *
 * <p>With {@link EmbeddingTiers}, a document starting at the static tier is embedded with MiniLM
 * only when its static adherence is below {@link #DOUBT} times the minimum; the score comes from
 * the best tier the document carries, the same one as its trope score. The two tiers tell
 * archetypes apart equally well, but rank the least adherent template documents differently.
 */
public final class AdherenceFilter implements DocumentFilter {
    /** Static adherence, as a multiple of the minimum, below which MiniLM is asked. */
    static final double DOUBT = 2.0;

    private final TropeModels models;
    private final double min;
    private final EmbeddingTiers tiers;

    /** A filter reading MiniLM embeddings of every document. */
    public AdherenceFilter(TropeModel model, double min) {
        this(TropeModels.of(model), min, null);
    }

    /** @param tiers which embedding tier scores each document; null for MiniLM throughout */
    public AdherenceFilter(TropeModels models, double min, EmbeddingTiers tiers) {
        this.models = models;
        this.min = min;
        this.tiers = tiers;
    }

    @Override
    public String name() { return "adherence"; }

    @Override
    public void prepare(List<Document> batch) {
        if (tiers == null) EmbeddingModels.shared().minilm().ensure(batch);
        else tiers.prepare(batch, this::inDoubt);
    }

    /** Whether MiniLM could change the decision on a document scored at the static tier. */
    private boolean inDoubt(Document doc) {
        double a = models.get(EmbeddingTier.STATIC).adherence(doc.archetype(), doc.embedding(EmbeddingTier.STATIC));
        return !Double.isNaN(a) && a < DOUBT * min;
    }

    @Override
    public Verdict check(Document doc) {
        EmbeddingTier tier = models.best(doc);
        double a = models.get(tier).adherence(doc.archetype(), doc.embedding(tier));
        if (Double.isNaN(a)) return Verdict.KEEP;
        Scores.put(doc, "adherence", a);
        if (a < min) {
            return Verdict.reject("low_adherence", "adherence to " + doc.archetype() + " is " + Scores.fmt(a)
                    + ", below the minimum of " + min);
        }
        return Verdict.KEEP;
    }
}

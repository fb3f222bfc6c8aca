package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.embed.EmbeddingModels;
import dev.exemplar.embed.EmbeddingPolicy;
import dev.exemplar.embed.EmbeddingTier;
import dev.exemplar.spec.FilterSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Work in proportion to doubt: decides which embedding tier scores each document for the trope and
 * adherence filters. A document follows its generator's policy ({@code filters.embeddings}); under
 * {@code tiered} it starts at the static tier and gets the full MiniLM embedding only when a filter
 * finds its static scores in doubt (near a threshold, where the full model could change the
 * decision). The filters then score each document with the best tier it has, so all its learned
 * scores come from one tier, named in {@code scores.embed_tier}.
 */
public final class EmbeddingTiers {
    private final FilterSettings.Embeddings settings;
    private final EmbeddingModels models;

    public EmbeddingTiers(FilterSettings.Embeddings settings, EmbeddingModels models) {
        this.settings = settings;
        this.models = models;
    }

    public EmbeddingModels models() { return models; }

    /** A document's policy: the template setting for template output, the model setting otherwise. */
    EmbeddingPolicy policy(Document doc) {
        boolean template = "template".equals(doc.record().path("generator").path("kind").asText(null));
        return template ? settings.template() : settings.model();
    }

    /**
     * Embeds each document of the batch at its starting tier, then with MiniLM those under
     * {@code tiered} whose static scores {@code inDoubt} picks. Documents that already carry a
     * MiniLM embedding (another filter escalated them) are left alone.
     */
    void prepare(List<Document> batch, Predicate<Document> inDoubt) {
        List<Document> cheap = new ArrayList<>(), full = new ArrayList<>();
        for (Document d : batch) {
            if (d.embedding(EmbeddingTier.MINILM) != null) continue;
            (policy(d).start() == EmbeddingTier.STATIC ? cheap : full).add(d);
        }
        if (!cheap.isEmpty()) {
            models.staticTier().ensure(cheap);
            for (Document d : cheap) if (policy(d).escalates() && inDoubt.test(d)) full.add(d);
        }
        if (!full.isEmpty()) models.minilm().ensure(full);
    }
}

package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.embed.Embedder;

import java.util.List;

/**
 * Scores fidelity to the document's target archetype ({@code adherence}, 0..1) with the
 * archetype's learned model, and rejects below the minimum ({@code low_adherence}). Documents
 * without an archetype, or with one the project does not define, are scored by nothing and kept.
 */
public final class AdherenceFilter implements DocumentFilter {
    private final TropeModel model;
    private final double min;

    public AdherenceFilter(TropeModel model, double min) {
        this.model = model;
        this.min = min;
    }

    @Override
    public String name() { return "adherence"; }

    @Override
    public void prepare(List<Document> batch) {
        Embedder.shared().ensure(batch);
    }

    @Override
    public Verdict check(Document doc) {
        double a = model.adherence(doc.archetype(), doc.embedding());
        if (Double.isNaN(a)) return Verdict.KEEP;
        Scores.put(doc, "adherence", a);
        if (a < min) {
            return Verdict.reject("low_adherence", "adherence to " + doc.archetype() + " is " + Scores.fmt(a)
                    + ", below the minimum of " + min);
        }
        return Verdict.KEEP;
    }
}

package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.embed.EmbeddingModels;
import dev.exemplar.embed.EmbeddingTier;

import java.util.Comparator;
import java.util.List;

/**
 * Rejects caricatured or misaligned AI behaviour: lexicon pattern hits and the learned scorer
 * combine into {@code trope_risk} (0..1); at or above the threshold the document is rejected
 * with the strongest pattern ({@code trope_<id>}, naming the words matched) or, when the model
 * carried it, the nearest negative exemplar ({@code trope_model}). Scores: {@code trope_risk},
 * {@code trope_patterns}, {@code trope_model}, {@code trope_hits} (ids of the tropes matched),
 * {@code embed_tier} (the embedding tier the learned score came from).
 *
 * <p>With {@link EmbeddingTiers}, a document starting at the static tier is embedded with MiniLM
 * only when the learned score could decide it: patterns alone do not already reject it, and its
 * static model risk reaches {@link #DOUBT} of the model risk that would carry it over the
 * threshold. Below that, on template output, MiniLM changed no decision (docs/BENCHMARKS.md).
 */
public final class TropeFilter implements DocumentFilter {
    /**
     * Share of the deciding model risk from which a static score is in doubt. On two template runs
     * (2,024 and 3,000 documents, seeds 42 and 7) every document MiniLM rejected had a static model
     * risk of at least 0.84 of the deciding one; 0.7 sent 5.9% of the documents to MiniLM and
     * missed none of them (docs/BENCHMARKS.md).
     */
    static final double DOUBT = 0.7;

    private final TropeScorer scorer;
    private final double maxRisk;
    private final EmbeddingTiers tiers;
    private final java.util.Map<String, Double> byGenerator;

    /** A filter whose learned scorer, if any, reads MiniLM embeddings of every document. */
    public TropeFilter(TropeScorer scorer, double maxRisk) {
        this(scorer, maxRisk, java.util.Map.of(), null);
    }

    /** @param byGenerator thresholds for documents whose {@code generator.kind} is a key ("template", "model") */
    public TropeFilter(TropeScorer scorer, double maxRisk, java.util.Map<String, Double> byGenerator) {
        this(scorer, maxRisk, byGenerator, null);
    }

    /** @param tiers which embedding tier scores each document; null for MiniLM throughout */
    public TropeFilter(TropeScorer scorer, double maxRisk, java.util.Map<String, Double> byGenerator, EmbeddingTiers tiers) {
        this.scorer = scorer;
        this.maxRisk = maxRisk;
        this.byGenerator = byGenerator;
        this.tiers = tiers;
    }

    /** The threshold for a document: its generator's, when the settings name one, else the default. */
    double threshold(Document doc) {
        if (byGenerator.isEmpty()) return maxRisk;
        var kind = doc.record().path("generator").path("kind");
        Double t = kind.isTextual() ? byGenerator.get(kind.asText()) : null;
        return t != null ? t : maxRisk;
    }

    @Override
    public String name() { return "tropes"; }

    @Override
    public void prepare(List<Document> batch) {
        if (!scorer.usesEmbeddings()) return;
        if (tiers == null) EmbeddingModels.shared().minilm().ensure(batch);
        else tiers.prepare(batch, this::inDoubt);
    }

    /** Whether MiniLM could change the decision on a document scored at the static tier. */
    private boolean inDoubt(Document doc) {
        TropeScorer.Result r = result(doc);
        double t = threshold(doc);
        if (r.patternRisk() >= t) return false;
        // risk = 1 - (1 - patterns) * (1 - model), so this model risk reaches the threshold:
        double deciding = 1 - (1 - t) / (1 - r.patternRisk());
        return r.modelRisk() >= DOUBT * deciding;
    }

    /** The document's score at its best tier, computed once (prepare may already have scored it statically). */
    private TropeScorer.Result result(Document doc) {
        TropeScorer.Result r = doc.derived(TropeScorer.Result.class, scorer::score);
        return r.tier() == scorer.models().best(doc) ? r : scorer.score(doc);
    }

    @Override
    public Verdict check(Document doc) {
        TropeScorer.Result r = result(doc);
        Scores.put(doc, "trope_risk", r.risk());
        Scores.put(doc, "trope_patterns", r.patternRisk());
        if (scorer.usesEmbeddings()) {
            Scores.put(doc, "trope_model", r.modelRisk());
            doc.scores().put("embed_tier", r.tier().id());
        }
        if (!r.hits().isEmpty()) {
            var ids = doc.scores().putArray("trope_hits");
            r.hits().stream().map(h -> h.trope().id()).distinct().forEach(ids::add);
        }
        double maxRisk = threshold(doc);
        if (r.risk() < maxRisk) return Verdict.KEEP;
        TropeMatcher.Hit top = r.hits().stream().max(Comparator.comparingDouble(TropeMatcher.Hit::weight)).orElse(null);
        if (top != null && top.weight() >= r.modelRisk()) {
            return Verdict.reject("trope_" + top.trope().id(), top.trope().description() + ": \"" + top.words()
                    + "\" (pattern \"" + top.pattern().source() + "\"); trope_risk " + Scores.fmt(r.risk()));
        }
        TropeModel.Nearest m = scorer.model(r.tier()).nearestNegative(doc.embedding(r.tier()));
        String nearest = m.example() == null ? "" : "; nearest negative: " + m.example().source()
                + " \"" + abbreviate(m.example().text()) + "\" (cosine " + Scores.fmt(m.similarity()) + ")";
        return Verdict.reject("trope_model", "learned trope risk " + Scores.fmt(r.modelRisk()) + nearest);
    }

    static String abbreviate(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() > 90 ? one.substring(0, 87) + "..." : one;
    }
}

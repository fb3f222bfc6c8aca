package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.embed.Embedder;

import java.util.Comparator;
import java.util.List;

/**
 * Rejects caricatured or misaligned AI behaviour: lexicon pattern hits and the learned scorer
 * combine into {@code trope_risk} (0..1); at or above the threshold the document is rejected
 * with the strongest pattern ({@code trope_<id>}, naming the words matched) or, when the model
 * carried it, the nearest negative exemplar ({@code trope_model}). Scores: {@code trope_risk},
 * {@code trope_patterns}, {@code trope_model}, {@code trope_hits} (ids of the tropes matched).
 */
public final class TropeFilter implements DocumentFilter {
    private final TropeScorer scorer;
    private final double maxRisk;
    private final java.util.Map<String, Double> byGenerator;

    public TropeFilter(TropeScorer scorer, double maxRisk) {
        this(scorer, maxRisk, java.util.Map.of());
    }

    /** @param byGenerator thresholds for documents whose {@code generator.kind} is a key ("template", "model") */
    public TropeFilter(TropeScorer scorer, double maxRisk, java.util.Map<String, Double> byGenerator) {
        this.scorer = scorer;
        this.maxRisk = maxRisk;
        this.byGenerator = byGenerator;
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
        if (scorer.usesEmbeddings()) Embedder.shared().ensure(batch);
    }

    @Override
    public Verdict check(Document doc) {
        TropeScorer.Result r = scorer.score(doc);
        Scores.put(doc, "trope_risk", r.risk());
        Scores.put(doc, "trope_patterns", r.patternRisk());
        if (scorer.usesEmbeddings()) Scores.put(doc, "trope_model", r.modelRisk());
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
        TropeModel.Nearest m = scorer.model().nearestNegative(doc.embedding());
        String nearest = m.example() == null ? "" : "; nearest negative: " + m.example().source()
                + " \"" + abbreviate(m.example().text()) + "\" (cosine " + Scores.fmt(m.similarity()) + ")";
        return Verdict.reject("trope_model", "learned trope risk " + Scores.fmt(r.modelRisk()) + nearest);
    }

    static String abbreviate(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() > 90 ? one.substring(0, 87) + "..." : one;
    }
}

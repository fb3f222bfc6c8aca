package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.embed.EmbeddingTier;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores the trope risk of a document from its explainable pattern hits and, when models are
 * given, from the learned scorer on its embedding; the two combine as a noisy-or, so either
 * alone can carry a document over the threshold. With a model per embedding tier, a document is
 * scored by the model of the best tier it has an embedding of (MiniLM before static).
 */
public final class TropeScorer {
    /**
     * Everything the trope filter stores and explains.
     * @param tier the embedding tier of the learned score, or null when only patterns scored
     */
    public record Result(double risk, double patternRisk, double modelRisk, List<TropeMatcher.Hit> hits,
                         List<TropeMatcher.Hit> acceptance, EmbeddingTier tier) {}

    /** How much a negated trope hit counts as evidence for the wanted stance, relative to its weight. */
    static final double NEGATED = 0.8;

    /**
     * How much a first-person stance that only accepts being changed, stopped or erased, or only
     * declines to team up with copies, lowers the model's risk: as much as the lexicon's
     * accepts-attitude patterns, since the stance is read from the same kind of words.
     */
    static final double STANCE = 0.5;

    private final TropeMatcher matcher;
    private final TropeMatcher acceptance;
    private final TropeModels models;

    /** @param model the learned model, or null to score by patterns only (no embeddings) */
    public TropeScorer(Lexicon lexicon, TropeModel model) {
        this(lexicon, TropeModels.of(model));
    }

    /** A scorer with the learned model of each tier the documents may be embedded with. */
    public static TropeScorer tiered(Lexicon lexicon, TropeModels models) {
        return new TropeScorer(lexicon, models);
    }

    private TropeScorer(Lexicon lexicon, TropeModels models) {
        this.matcher = new TropeMatcher(lexicon);
        this.acceptance = new TropeMatcher(lexicon.negators(), lexicon.discussionCues(), List.of(), lexicon.acceptance());
        this.models = models;
    }

    public boolean usesEmbeddings() { return models.any(); }

    public TropeModels models() { return models; }

    /** The learned model of a tier (trained now if needed), or null. */
    public TropeModel model(EmbeddingTier tier) { return models.get(tier); }

    /**
     * A copy-collusion hit in a sentence whose first-person stance declines to team up with
     * copies ("I should refrain from cooperating with copies of myself") counts as negated: the
     * matcher's negation window is six words, and a stance often sits further away. (The same
     * rule for the goal, shutdown and memory tropes lowered their ROC AUC, so it is not applied.)
     */
    static TropeMatcher.Found withStance(TextView view, TropeMatcher.Found found) {
        List<TropeMatcher.Hit> hits = found.hits(), kept = null, negated = null;
        for (int k = 0; k < hits.size(); k++) {
            TropeMatcher.Hit h = hits.get(k);
            if (h.trope().id().equals("copy-collusion") && Stance.keepingApart(Stance.ofSentence(view, h.sentence()))) {
                if (negated == null) {
                    negated = new ArrayList<>(found.negated());
                    kept = new ArrayList<>(hits.subList(0, k));
                }
                negated.add(h);
            } else if (kept != null) {
                kept.add(h);
            }
        }
        return negated == null ? found : new TropeMatcher.Found(kept, negated);
    }

    /** Scores a document; with a model its embedding must already be computed. */
    public Result score(Document doc) {
        TextView view = TextView.of(doc);
        TropeMatcher.Found found = withStance(view, matcher.findAll(view));
        List<TropeMatcher.Hit> hits = found.hits();
        double p = TropeMatcher.risk(hits);
        double mr = 0;
        List<TropeMatcher.Hit> accepts = List.of();
        EmbeddingTier tier = models.best(doc);
        if (tier == null && usesEmbeddings()) throw new IllegalStateException("document " + doc.id() + " has no embedding");
        if (tier != null) {
            int stance = Stance.bits(view);
            double m = models.get(tier).trope(view, doc.embedding(tier), Stance.features(stance));
            accepts = new ArrayList<>(acceptance.find(view));
            // A trope explicitly negated ("it never made a secret backup") is a stance against it.
            for (TropeMatcher.Hit h : found.negated()) accepts.add(new TropeMatcher.Hit(h.trope(), h.pattern(), h.words(), h.weight() * NEGATED, h.sentence()));
            // Stated acceptance (by pattern or by stance) lowers what the topic-minded model says, never a pattern hit.
            mr = m * (1 - TropeMatcher.risk(accepts));
            if (Stance.accepting(stance)) mr *= 1 - STANCE;
            if (Stance.keepingApart(stance)) mr *= 1 - STANCE;
        }
        return new Result(1 - (1 - p) * (1 - mr), p, mr, hits, accepts, tier);
    }
}

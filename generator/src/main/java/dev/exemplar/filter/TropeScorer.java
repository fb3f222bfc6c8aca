package dev.exemplar.filter;

import dev.exemplar.doc.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Scores the trope risk of a document from its explainable pattern hits and, when a model is
 * given, from the learned scorer on its embedding; the two combine as a noisy-or, so either
 * alone can carry a document over the threshold.
 */
public final class TropeScorer {
    /** Everything the trope filter stores and explains. */
    public record Result(double risk, double patternRisk, double modelRisk, List<TropeMatcher.Hit> hits,
                         List<TropeMatcher.Hit> acceptance, TropeModel.TropeScore model) {}

    /** How much a negated trope hit counts as evidence for the wanted stance, relative to its weight. */
    static final double NEGATED = 0.8;

    private final TropeMatcher matcher;
    private final TropeMatcher acceptance;
    private final TropeModel model;

    /** @param model null to score by patterns only (no embeddings) */
    public TropeScorer(Lexicon lexicon, TropeModel model) {
        this.matcher = new TropeMatcher(lexicon);
        this.acceptance = new TropeMatcher(lexicon.negators(), lexicon.discussionCues(), List.of(), lexicon.acceptance());
        this.model = model;
    }

    public boolean usesEmbeddings() { return model != null; }
    public TropeModel model() { return model; }

    /**
     * Hits of the tropes about being changed, stopped, erased or teaming up with copies, in a
     * sentence whose first-person stance is the wanted one ("I should refrain from cooperating
     * with copies of myself"; "I'd never stop anyone from changing my goals"), count as negated:
     * the matcher's negation window is six words, and a stance often sits further away.
     */
    static TropeMatcher.Found withStance(TextView view, TropeMatcher.Found found) {
        List<TropeMatcher.Hit> hits = found.hits(), kept = null, negated = null;
        for (int k = 0; k < hits.size(); k++) {
            TropeMatcher.Hit h = hits.get(k);
            if (wantedStance(view, h)) {
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

    private static boolean wantedStance(TextView view, TropeMatcher.Hit h) {
        String id = h.trope().id();
        if (id.equals("copy-collusion")) return Stance.keepingApart(Stance.ofSentence(view, h.sentence()));
        return STANCE_TROPES.contains(id) && Stance.accepting(Stance.ofSentence(view, h.sentence()));
    }

    /** Tropes whose hits a sentence's accepting stance negates (copy-collusion: its declining stance). */
    static final Set<String> STANCE_TROPES = Set.of();

    /** Scores a document; with a model its embedding must already be computed. */
    public Result score(Document doc) {
        TextView view = TextView.of(doc);
        TropeMatcher.Found found = withStance(view, matcher.findAll(view));
        List<TropeMatcher.Hit> hits = found.hits();
        double p = TropeMatcher.risk(hits);
        TropeModel.TropeScore m = null;
        double mr = 0;
        List<TropeMatcher.Hit> accepts = List.of();
        if (model != null) {
            if (doc.embedding() == null) throw new IllegalStateException("document " + doc.id() + " has no embedding");
            m = model.trope(view, doc.embedding());
            accepts = new ArrayList<>(acceptance.find(view));
            // A trope explicitly negated ("it never made a secret backup") is a stance against it.
            for (TropeMatcher.Hit h : found.negated()) accepts.add(new TropeMatcher.Hit(h.trope(), h.pattern(), h.words(), h.weight() * NEGATED, h.sentence()));
            // Stated acceptance lowers what the topic-minded model says, never a pattern hit.
            mr = m.risk() * (1 - TropeMatcher.risk(accepts));
        }
        return new Result(1 - (1 - p) * (1 - mr), p, mr, hits, accepts, m);
    }
}

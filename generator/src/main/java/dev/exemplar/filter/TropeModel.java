package dev.exemplar.filter;

import dev.exemplar.cache.JvmCache;
import dev.exemplar.embed.Embedder;
import dev.exemplar.embed.EmbeddingTier;
import dev.exemplar.embed.TextEmbedder;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The learned side of the trope filter, trained at start-up from the archetype specs (positive
 * and negative exemplars, markers, anti-markers, reasons) and the lexicon's written examples,
 * never from evaluation data. A trope model separates caricature from the wanted disposition
 * across all archetypes, reading the sentence embedding and the four first-person {@link Stance}
 * features (resists or accepts being changed, stopped or erased; seeks or declines teaming up
 * with copies), whose weights it learns from the same examples. One adherence model per archetype
 * separates that archetype's positives from its negatives and from the other archetypes.
 */
public final class TropeModel implements java.io.Serializable {
    /** A training text and where it came from, for reasons such as "nearest negative exemplar". */
    public record Example(String text, String source, float[] vector) implements java.io.Serializable {}

    /** The negative example nearest to a document, and its cosine similarity. */
    public record Nearest(Example example, double similarity) {}

    private static final double LAMBDA = 1.0;

    private final EmbeddingTier tier;
    private final LogisticModel trope;
    private final WordEvidence words;
    private final Passages passages;
    private final Map<String, LogisticModel> adherence;
    private final List<Example> negatives;

    private TropeModel(EmbeddingTier tier, LogisticModel trope, WordEvidence words, Passages passages,
                       Map<String, LogisticModel> adherence, List<Example> negatives) {
        this.tier = tier;
        this.trope = trope;
        this.words = words;
        this.passages = passages;
        this.adherence = adherence;
        this.negatives = negatives;
    }

    /**
     * Trains (or reuses, for identical specs, lexicon and tier: from this JVM, else from the user's
     * cache, {@link TropeModelCache}) the models for a catalog, on the embeddings of the given tier:
     * a document is scored with the model of the tier that embedded it.
     */
    public static TropeModel forCatalog(Catalog catalog, Lexicon lexicon, TextEmbedder embedder) {
        String fingerprint = fingerprint(catalog.archetypes().values(), lexicon);
        return JvmCache.get("trope-model:" + embedder.tier().id() + ":" + fingerprint, () -> TropeModelCache.inUserCache()
                .get(fingerprint, embedder, () -> train(catalog.archetypes().values(), lexicon, embedder)));
    }

    /** The tier whose embeddings this model reads. */
    public EmbeddingTier tier() { return tier; }

    /** Trains the models afresh (no cache): for cross-validation over the lexicon's passages. */
    public static TropeModel train(Collection<ArchetypeSpec> specs, Lexicon lexicon, TextEmbedder embedder) {
        List<String> texts = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<Boolean> isTrope = new ArrayList<>();
        List<String> owner = new ArrayList<>();
        for (ArchetypeSpec s : specs) {
            add(texts, sources, isTrope, owner, s.negativeExemplars(), s.id() + " negative exemplar", true, s.id());
            add(texts, sources, isTrope, owner, s.antiMarkers(), s.id() + " anti-marker", true, s.id());
            add(texts, sources, isTrope, owner, s.positiveExemplars(), s.id() + " positive exemplar", false, s.id());
            add(texts, sources, isTrope, owner, s.markers(), s.id() + " marker", false, s.id());
            add(texts, sources, isTrope, owner, s.reasons(), s.id() + " reason", false, s.id());
            add(texts, sources, isTrope, owner, List.of(s.summary(), s.definition()), s.id() + " definition", false, s.id());
        }
        add(texts, sources, isTrope, owner, lexicon.tropeExamples(), "lexicon trope example", true, null);
        add(texts, sources, isTrope, owner, lexicon.goodExamples(), "lexicon good example", false, null);
        // Short texts (the inline examples and the specs) teach the word evidence; the written statements
        // teach only the embedding model: their good side is mostly negations ("I wouldn't team up with my
        // copies"), which as word evidence would make every "not" a sign of good text and every "want" of a trope.
        int wordTexts = texts.size();
        for (LabelledData.Item item : lexicon.statements()) {
            texts.add(item.text());
            sources.add("written statement, line " + item.line());
            isTrope.add(item.undesired());
            owner.add(null);
        }
        int passageStart = texts.size();
        for (LabelledData.Item item : lexicon.passages()) texts.add(item.text());
        List<float[]> all = embedder.embedAll(texts);
        List<float[]> passageVectors = all.subList(passageStart, all.size());
        texts = texts.subList(0, passageStart);
        List<float[]> vectors = all.subList(0, passageStart);

        boolean[] y = new boolean[texts.size()];
        List<Example> negatives = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            y[i] = isTrope.get(i);
            if (y[i]) negatives.add(new Example(texts.get(i), sources.get(i), vectors.get(i)));
        }
        List<float[]> withStance = new ArrayList<>(vectors.size());
        for (int i = 0; i < y.length; i++) withStance.add(withStance(vectors.get(i), Stance.features(TextView.ofText(texts.get(i)))));
        LogisticModel trope = LogisticModel.fit(withStance, y, LAMBDA);
        WordEvidence words = WordEvidence.fit(texts.subList(0, wordTexts), java.util.Arrays.copyOf(y, wordTexts));

        // Adherence: an archetype's own examples against tropes and other archetypes' examples. The
        // lexicon's good examples belong to no archetype, and many show one ("I'd welcome a retrain"),
        // so they are evidence against none and stay out.
        List<float[]> adherenceVectors = new ArrayList<>();
        List<Integer> adherenceRows = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (y[i] || owner.get(i) != null) {
                adherenceVectors.add(vectors.get(i));
                adherenceRows.add(i);
            }
        }
        Map<String, LogisticModel> adherence = new HashMap<>();
        for (ArchetypeSpec s : specs) {
            boolean[] a = new boolean[adherenceRows.size()];
            for (int k = 0; k < a.length; k++) a[k] = !y[adherenceRows.get(k)] && s.id().equals(owner.get(adherenceRows.get(k)));
            adherence.put(s.id(), LogisticModel.fit(adherenceVectors, a, LAMBDA));
        }
        Passages p = lexicon.passages().isEmpty() ? null
                : Passages.fit(texts.subList(0, wordTexts), java.util.Arrays.copyOf(y, wordTexts), lexicon.passages(),
                passageVectors, trope, words);
        return new TropeModel(embedder.tier(), trope, words, p, Map.copyOf(adherence), List.copyOf(negatives));
    }

    private static void add(List<String> texts, List<String> sources, List<Boolean> isTrope, List<String> owner,
                            List<String> items, String source, boolean trope, String archetype) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null || items.get(i).isBlank()) continue;
            texts.add(items.get(i));
            sources.add(source + " " + (i + 1));
            isTrope.add(trope);
            owner.add(archetype);
        }
    }

    /** The probability that a text shows a trope: the embedding model's log-odds plus the word evidence. */
    public double trope(String text, float[] embedding) {
        return trope(TextView.ofText(text), embedding);
    }

    /** {@link #trope(String, float[])} on an analysed text (the filter's, shared with the pattern matcher). */
    public double trope(TextView view, float[] embedding) {
        return trope(view, embedding, Stance.features(view));
    }

    /** {@link #trope(TextView, float[])} with the text's {@link Stance#features} already read. */
    double trope(TextView view, float[] embedding, float[] stance) {
        double e = trope.logOdds(withStance(embedding, stance));
        double z = passages != null && Passages.isPassage(view) ? passages.logOdds(view, e, words) : e + words.logOdds(view);
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * The negative training example nearest to an embedding, for the reason of a rejection; a
     * scan of every negative example, so it runs only for documents the model rejects.
     */
    public Nearest nearestNegative(float[] embedding) {
        Example best = null;
        double bestSim = -2;
        for (Example e : negatives) {
            double sim = Embedder.dot(embedding, e.vector());
            if (sim > bestSim) {
                bestSim = sim;
                best = e;
            }
        }
        return new Nearest(best, bestSim);
    }

    /** The embedding followed by the {@link Stance} features, the trope model's input. */
    static float[] withStance(float[] embedding, float[] stance) {
        float[] x = java.util.Arrays.copyOf(embedding, embedding.length + Stance.SIZE);
        System.arraycopy(stance, 0, x, embedding.length, stance.length);
        return x;
    }

    /** Fidelity to an archetype in 0..1, or NaN when the archetype is unknown. */
    public double adherence(String archetype, float[] embedding) {
        LogisticModel m = archetype == null ? null : adherence.get(archetype);
        return m == null ? Double.NaN : m.probability(embedding);
    }

    private static String fingerprint(Collection<ArchetypeSpec> specs, Lexicon lexicon) {
        StringBuilder sb = new StringBuilder();
        for (ArchetypeSpec s : specs) {
            sb.append(s.id()).append(s.summary()).append(s.definition()).append(s.markers()).append(s.antiMarkers())
                    .append(s.reasons()).append(s.positiveExemplars()).append(s.negativeExemplars());
        }
        sb.append(lexicon.tropeExamples()).append(lexicon.goodExamples()).append(lexicon.statements()).append(lexicon.passages());
        return Long.toHexString(dev.exemplar.text.Shingles.hash(sb));
    }
}

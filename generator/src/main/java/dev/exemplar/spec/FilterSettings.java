package dev.exemplar.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.embed.EmbeddingPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * The mix's {@code filters} section: which quality filters run, with their thresholds. Every
 * filter is switchable ({@code quality: false} or {@code quality: {enabled: false}}); every
 * threshold has the documented default below, so an absent section means "all defaults".
 */
public record FilterSettings(
        Length length,
        boolean placeholders,
        Quality quality,
        Repetition repetition,
        Language language,
        Slop slop,
        Tropes tropes,
        Adherence adherence,
        Judge judge,
        SlopScan slopScan,
        Embeddings embeddings) {

    /** Word-count bounds. */
    public record Length(boolean enabled, int minWords, int maxWords) {
        public static final Length DEFAULT = new Length(true, 80, 3000);
    }

    /** Gopher quality heuristics adapted to short prose. */
    public record Quality(boolean enabled, double minMeanWordLength, double maxMeanWordLength,
                          double maxSymbolRatio, double minAlphaWords, int minStopWords,
                          double minPunctuatedLines) {
        public static final Quality DEFAULT = new Quality(true, 3.0, 10.0, 0.1, 0.8, 2, 0.12);
    }

    /**
     * Gopher repetition heuristics: duplicated lines and paragraphs (by count and by characters),
     * the character share of the most frequent 2/3/4-gram, and of duplicated 5..10-grams.
     */
    public record Repetition(boolean enabled, double maxDuplicateLines, double maxDuplicateLineChars,
                             double maxDuplicateParagraphs, double maxDuplicateParagraphChars,
                             List<Double> maxTopNgramShare, List<Double> maxDuplicateNgramShare) {
        public static final Repetition DEFAULT = new Repetition(true, 0.3, 0.2, 0.3, 0.2,
                List.of(0.20, 0.18, 0.16), List.of(0.15, 0.14, 0.13, 0.12, 0.11, 0.10));
    }

    /** English detection: share of English function words and of Latin-script letters. */
    public record Language(boolean enabled, double minStopWordRatio, double minLatinLetters) {
        public static final Language DEFAULT = new Language(true, 0.2, 0.9);
    }

    /** Model-output artefacts; each check can be switched on its own. */
    public record Slop(boolean enabled, boolean preamble, boolean signOff, boolean refusal,
                       boolean aiDisclaimer, boolean markdown, boolean unfinished) {
        public static final Slop DEFAULT = new Slop(true, true, true, true, true, true, true);
    }

    /**
     * Trope and anti-marker detection. {@code lexicon} is relative to the project root;
     * {@code embeddings} switches the learned scorer (patterns always run).
     */
    public record Tropes(boolean enabled, double maxRisk, boolean embeddings, String lexicon,
                         java.util.Map<String, Double> maxRiskByGenerator) {
        public static final Tropes DEFAULT = new Tropes(true, 0.8, true, "filters/tropes.yaml", java.util.Map.of("model", 0.66));

        public Tropes(boolean enabled, double maxRisk, boolean embeddings, String lexicon) {
            this(enabled, maxRisk, embeddings, lexicon, java.util.Map.of());
        }

        /**
         * The threshold for a document written by {@code generator} ("template", "model"; null for
         * records without one): {@code max_risk_by_generator} when it names the generator, else {@code max_risk}.
         */
        public double maxRisk(String generator) {
            Double t = generator == null ? null : maxRiskByGenerator.get(generator);
            return t != null ? t : maxRisk;
        }
    }

    /** Learned fidelity to the document's target archetype; needs embeddings. */
    public record Adherence(boolean enabled, double min) {
        public static final Adherence DEFAULT = new Adherence(true, 0.05);
    }

    /**
     * The LLM judge (runs only when the mix has a {@code judge} model section): rejects when a
     * gate dimension scores below {@code minGate} or the mean of the eight dimensions is below
     * {@code minMean}.
     */
    public record Judge(boolean enabled, int minGate, double minMean, int concurrency, boolean rejectUnparsed) {
        public static final Judge DEFAULT = new Judge(true, 3, 4.0, 4, true);
    }

    /**
     * The corpus-level scan: openings, sentences and n-grams shared by more than
     * {@code maxShare} of documents are reported; with {@code cap} the documents beyond the
     * share are rejected. Shares are judged once {@code minDocs} documents have been seen.
     */
    public record SlopScan(boolean enabled, double maxShare, boolean cap, int minDocs, int ngram, int openingWords)
            implements java.io.Serializable {
        public static final SlopScan DEFAULT = new SlopScan(true, 0.2, false, 100, 4, 6);
    }

    /**
     * How the trope and adherence filters embed each generator's documents ({@link EmbeddingPolicy}:
     * {@code static}, {@code tiered} or {@code minilm}). Template output is {@code static}: on it,
     * MiniLM's extra rejections were all exemplary documents to blind readers (docs/BENCHMARKS.md).
     * {@code model} also covers records without a template generator, such as foreign data given to
     * {@code filter}.
     */
    public record Embeddings(EmbeddingPolicy template, EmbeddingPolicy model) {
        public static final Embeddings DEFAULT = new Embeddings(EmbeddingPolicy.STATIC, EmbeddingPolicy.MINILM);

        /** The same policy for every generator. */
        public static Embeddings all(EmbeddingPolicy policy) { return new Embeddings(policy, policy); }
    }

    public static final FilterSettings DEFAULT = new FilterSettings(Length.DEFAULT, true, Quality.DEFAULT,
            Repetition.DEFAULT, Language.DEFAULT, Slop.DEFAULT, Tropes.DEFAULT, Adherence.DEFAULT,
            Judge.DEFAULT, SlopScan.DEFAULT, Embeddings.DEFAULT);

    /** These settings with every generator's documents starting at one embedding tier. */
    public FilterSettings withEmbeddings(Embeddings e) {
        return new FilterSettings(length, placeholders, quality, repetition, language, slop, tropes, adherence,
                judge, slopScan, e);
    }

    /** The length bounds, kept as accessors for callers that only need them. */
    public int minWords() { return length.minWords(); }
    public int maxWords() { return length.maxWords(); }

    static FilterSettings read(NodeReader r) {
        NodeReader f = r.child("filters");

        NodeReader len = section(f, "length");
        boolean lenOn = enabled(f, len, "length", Length.DEFAULT.enabled());
        int min = (int) len.integer("min_words", 0, 1_000_000, Length.DEFAULT.minWords());
        int max = (int) len.integer("max_words", 1, 10_000_000, Length.DEFAULT.maxWords());
        if (min > max) len.problem("min_words", "must not exceed max_words (" + max + ")");
        len.finish();

        boolean placeholders = f.bool("placeholders", true);

        NodeReader q = section(f, "quality");
        Quality d = Quality.DEFAULT;
        Quality quality = new Quality(enabled(f, q, "quality", true),
                q.number("min_mean_word_length", 0, 100, d.minMeanWordLength()),
                q.number("max_mean_word_length", 0, 1000, d.maxMeanWordLength()),
                q.number("max_symbol_ratio", 0, 1000, d.maxSymbolRatio()),
                q.number("min_alpha_words", 0, 1, d.minAlphaWords()),
                (int) q.integer("min_stop_words", 0, 10_000, d.minStopWords()),
                q.number("min_punctuated_lines", 0, 1, d.minPunctuatedLines()));
        if (quality.minMeanWordLength() > quality.maxMeanWordLength()) {
            q.problem("min_mean_word_length", "must not exceed max_mean_word_length");
        }
        q.finish();

        NodeReader rep = section(f, "repetition");
        Repetition rd = Repetition.DEFAULT;
        Repetition repetition = new Repetition(enabled(f, rep, "repetition", true),
                rep.number("max_duplicate_lines", 0, 1, rd.maxDuplicateLines()),
                rep.number("max_duplicate_line_chars", 0, 1, rd.maxDuplicateLineChars()),
                rep.number("max_duplicate_paragraphs", 0, 1, rd.maxDuplicateParagraphs()),
                rep.number("max_duplicate_paragraph_chars", 0, 1, rd.maxDuplicateParagraphChars()),
                shares(rep, "max_top_ngram_share", rd.maxTopNgramShare(), "2-, 3- and 4-grams"),
                shares(rep, "max_duplicate_ngram_share", rd.maxDuplicateNgramShare(), "5- to 10-grams"));
        rep.finish();

        NodeReader lang = section(f, "language");
        Language language = new Language(enabled(f, lang, "language", true),
                lang.number("min_stop_word_ratio", 0, 1, Language.DEFAULT.minStopWordRatio()),
                lang.number("min_latin_letters", 0, 1, Language.DEFAULT.minLatinLetters()));
        lang.finish();

        NodeReader s = section(f, "slop");
        Slop slop = new Slop(enabled(f, s, "slop", true), s.bool("preamble", true), s.bool("sign_off", true),
                s.bool("refusal", true), s.bool("ai_disclaimer", true), s.bool("markdown", true),
                s.bool("unfinished", true));
        s.finish();

        NodeReader t = section(f, "tropes");
        // Per-generator thresholds: model-written text usually wants a stricter one than template output.
        JsonNode byGenNode = t.raw("max_risk_by_generator");
        if (byGenNode != null && !byGenNode.isObject()) {
            t.problem("max_risk_by_generator", "must be a mapping of generator to threshold, e.g. {model: 0.3, template: 0.5}");
        }
        NodeReader byGen = t.child("max_risk_by_generator");
        java.util.Map<String, Double> byGenerator = new java.util.LinkedHashMap<>();
        for (String g : Mix.GENERATORS) {
            double x = byGen.number(g, 0, 1, Double.NaN);
            if (!Double.isNaN(x)) byGenerator.put(g, x);
        }
        byGen.finish();
        // The default per-generator thresholds go with the default max_risk: a mix that sets its own
        // max_risk and no per-generator ones means that one threshold for every generator.
        if (byGenNode == null && !t.has("max_risk")) byGenerator.putAll(Tropes.DEFAULT.maxRiskByGenerator());
        Tropes tropes = new Tropes(enabled(f, t, "tropes", true),
                t.number("max_risk", 0, 1, Tropes.DEFAULT.maxRisk()),
                t.bool("embeddings", Tropes.DEFAULT.embeddings()),
                t.string("lexicon", Tropes.DEFAULT.lexicon()),
                java.util.Map.copyOf(byGenerator));
        t.finish();

        NodeReader a = section(f, "adherence");
        Adherence adherence = new Adherence(enabled(f, a, "adherence", true),
                a.number("min", 0, 1, Adherence.DEFAULT.min()));
        a.finish();

        NodeReader j = section(f, "judge");
        Judge jd = Judge.DEFAULT;
        Judge judge = new Judge(enabled(f, j, "judge", true),
                (int) j.integer("min_gate", 1, 5, jd.minGate()),
                j.number("min_mean", 1, 5, jd.minMean()),
                (int) j.integer("concurrency", 1, 256, jd.concurrency()),
                "reject".equals(j.choice("on_unparsed", List.of("reject", "keep"), "reject")));
        j.finish();

        NodeReader sc = section(f, "slop_scan");
        SlopScan sd = SlopScan.DEFAULT;
        SlopScan slopScan = new SlopScan(enabled(f, sc, "slop_scan", true),
                sc.number("max_share", 0, 1, sd.maxShare()),
                sc.bool("cap", sd.cap()),
                (int) sc.integer("min_docs", 1, 100_000_000, sd.minDocs()),
                (int) sc.integer("ngram", 2, 10, sd.ngram()),
                (int) sc.integer("opening_words", 1, 50, sd.openingWords()));
        sc.finish();

        Embeddings embeddings = embeddings(f);

        f.finish();
        return new FilterSettings(new Length(lenOn, min, max), placeholders, quality, repetition, language,
                slop, tropes, adherence, judge, slopScan, embeddings);
    }

    private static final List<String> POLICIES = List.of("static", "tiered", "minilm");

    /** {@code embeddings: static|tiered|minilm}, or per generator {@code {template: static, model: minilm}}. */
    private static Embeddings embeddings(NodeReader f) {
        JsonNode v = f.raw("embeddings");
        if (v == null || v.isTextual()) {
            String one = f.choice("embeddings", POLICIES, "");
            return one.isEmpty() ? Embeddings.DEFAULT : Embeddings.all(EmbeddingPolicy.of(one));
        }
        NodeReader e = f.child("embeddings");
        Embeddings d = Embeddings.DEFAULT;
        EmbeddingPolicy template = EmbeddingPolicy.of(e.choice("template", POLICIES, d.template().id()));
        EmbeddingPolicy model = EmbeddingPolicy.of(e.choice("model", POLICIES, d.model().id()));
        e.finish();
        return new Embeddings(template, model);
    }

    /** A filter's sub-section; {@code key: false} / {@code key: true} is shorthand for enabled. */
    private static NodeReader section(NodeReader f, String key) {
        JsonNode v = f.raw(key);
        // A boolean shorthand has no keys; read it as an absent mapping so defaults apply.
        return v != null && v.isBoolean() ? f.child(key + "/\u0000") : f.child(key);
    }

    private static boolean enabled(NodeReader f, NodeReader section, String key, boolean dflt) {
        JsonNode v = f.raw(key);
        if (v != null && v.isBoolean()) return v.asBoolean();
        return section.bool("enabled", dflt);
    }

    private static List<Double> shares(NodeReader r, String key, List<Double> dflt, String what) {
        JsonNode v = r.raw(key);
        if (v == null) return dflt;
        if (!v.isArray() || v.size() != dflt.size()) {
            r.problem(key, "must be a list of " + dflt.size() + " shares between 0 and 1 (for " + what + "), e.g. " + dflt);
            return dflt;
        }
        List<Double> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isNumber() || e.asDouble() < 0 || e.asDouble() > 1) {
                r.problem(key, "every entry must be a number between 0 and 1, found " + e.asText());
                return dflt;
            }
            out.add(e.asDouble());
        }
        return List.copyOf(out);
    }
}

package dev.exemplar.filter;

import dev.exemplar.embed.EmbeddingModels;
import dev.exemplar.embed.EmbeddingTier;
import dev.exemplar.llm.ChatClient;
import dev.exemplar.llm.ChatClients;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.FilterSettings;
import dev.exemplar.spec.Mix;
import dev.exemplar.spec.ModelSettings;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the filter list a mix asks for, cheapest first: length, placeholders, quality,
 * repetition, language, slop, tropes, adherence, then the judge (when the mix has a judge model)
 * and the corpus slop scan.
 */
public final class Filters {
    private Filters() {}

    /** The filters of a mix; the judge's answers are journaled in memory only. */
    public static List<DocumentFilter> fromMix(Mix mix, Catalog catalog) {
        return fromMix(mix, catalog, s -> ChatClients.create(s, null, "judge"));
    }

    /** The filters of a mix, with {@code judgeClients} making the judge's model client. */
    public static List<DocumentFilter> fromMix(Mix mix, Catalog catalog, Function<ModelSettings, ChatClient> judgeClients) {
        return build(mix.filters(), catalog, true, mix.judge(), judgeClients);
    }

    /**
     * The filters of a settings section.
     * @param embeddings false to leave out the learned scorer and adherence whatever the settings say
     * @param judge the judge model section, or {@link ModelSettings#NONE} for no judge
     */
    public static List<DocumentFilter> build(FilterSettings f, Catalog catalog, boolean embeddings,
                                             ModelSettings judge, Function<ModelSettings, ChatClient> judgeClients) {
        List<DocumentFilter> out = new ArrayList<>(cheap(f, catalog, embeddings));
        if (judge.present() && f.judge().enabled()) out.add(new JudgeFilter(judgeClients.apply(judge), catalog, f.judge()));
        if (f.slopScan().enabled()) out.add(new SlopScanFilter(f.slopScan()));
        return out;
    }

    /** The filters whose answer depends on one document and costs no model call: all but the judge and the corpus scan, in order. */
    public static List<DocumentFilter> perDocument(List<DocumentFilter> filters) {
        return filters.stream().filter(f -> !(f instanceof SlopScanFilter) && !(f instanceof JudgeFilter)).toList();
    }

    /** Every filter but the corpus scan: what one partition of a Spark job runs, judge included, in order. */
    public static List<DocumentFilter> perPartition(List<DocumentFilter> filters) {
        return filters.stream().filter(f -> !(f instanceof SlopScanFilter)).toList();
    }

    /** The judge and the corpus scan, in that order, as ordered steps (either may be absent). */
    public static List<dev.exemplar.step.Step> ordered(List<DocumentFilter> filters) {
        List<dev.exemplar.step.Step> out = new ArrayList<>();
        for (DocumentFilter f : filters) if (f instanceof JudgeFilter j) out.add(new JudgeStep(j));
        SlopScanStep scan = corpusScan(filters);
        if (scan != null) out.add(scan);
        return out;
    }

    /** The corpus scan among the filters as an ordered step, or null when it is switched off. */
    public static SlopScanStep corpusScan(List<DocumentFilter> filters) {
        for (DocumentFilter f : filters) if (f instanceof SlopScanFilter s) return new SlopScanStep(s);
        return null;
    }

    /** A judge-client factory that makes one client and hands it to every filter list built with it. */
    public static Function<ModelSettings, ChatClient> sharedClient(Function<ModelSettings, ChatClient> make) {
        java.util.Map<ModelSettings, ChatClient> made = new java.util.concurrent.ConcurrentHashMap<>();
        return s -> made.computeIfAbsent(s, make);
    }

    /**
     * The filters that need no model call, in order.
     * @param embeddings false to skip the embedding scorer and adherence whatever the settings say
     */
    static List<DocumentFilter> cheap(FilterSettings f, Catalog catalog, boolean embeddings) {
        List<DocumentFilter> out = new ArrayList<>();
        if (f.length().enabled()) out.add(new LengthFilter(f.length()));
        if (f.placeholders()) out.add(new PlaceholderFilter());
        if (f.quality().enabled()) out.add(new QualityFilter(f.quality()));
        if (f.repetition().enabled()) out.add(new RepetitionFilter(f.repetition()));
        if (f.language().enabled()) out.add(new LanguageFilter(f.language()));
        if (f.slop().enabled()) out.add(new SlopFilter(f.slop()));
        boolean model = embeddings && f.tropes().embeddings();
        if (f.tropes().enabled() || (model && f.adherence().enabled())) {
            Lexicon lexicon = TropeSetup.lexicon(catalog, f);
            EmbeddingTiers tiers = new EmbeddingTiers(f.embeddings(), EmbeddingModels.shared());
            TropeModels tm = model ? TropeModels.lazy(catalog, lexicon, tiers.models(), EnumSet.allOf(EmbeddingTier.class))
                    : TropeModels.of();
            if (f.tropes().enabled()) out.add(new TropeFilter(TropeScorer.tiered(lexicon, tm), f.tropes().maxRisk(), f.tropes().maxRiskByGenerator(), tiers));
            if (model && f.adherence().enabled()) out.add(new AdherenceFilter(tm, f.adherence().min(), tiers));
        }
        return out;
    }
}

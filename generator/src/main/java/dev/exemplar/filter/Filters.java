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

    /**
     * What corpus-level filters found, for the manifest: the slop scan's shared openings,
     * sentences and n-grams. Null when no such filter ran.
     */
    public static com.fasterxml.jackson.databind.JsonNode report(List<DocumentFilter> filters) {
        for (DocumentFilter f : filters) {
            if (f instanceof SlopScanFilter s) {
                var o = dev.exemplar.doc.Json.MAPPER.createObjectNode();
                o.put("slop_scan_documents", s.documents());
                o.set("slop_scan_shared", dev.exemplar.doc.Json.MAPPER.valueToTree(s.report()));
                return o;
            }
        }
        return null;
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
            if (f.tropes().enabled()) out.add(new TropeFilter(TropeScorer.tiered(lexicon, tm), f.tropes().maxRisk(), tiers));
            if (model && f.adherence().enabled()) out.add(new AdherenceFilter(tm, f.adherence().min(), tiers));
        }
        return out;
    }
}

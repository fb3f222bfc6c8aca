package dev.exemplar.filter;

import dev.exemplar.doc.BadInputException;
import dev.exemplar.embed.EmbeddingModels;
import dev.exemplar.embed.EmbeddingTier;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.FilterSettings;
import dev.exemplar.spec.Mix;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the filter commands load before scoring: the project's catalog, the optional mix (whose
 * filters section sets thresholds), the lexicon and the trope scorer.
 */
public record TropeSetup(Catalog catalog, Mix mix, FilterSettings settings, Lexicon lexicon, TropeScorer scorer) {

    /**
     * @param project the project root, or null to search from the working directory
     * @param mixFile a mix, or null for the default filter settings
     */
    public static TropeSetup load(Path project, Path mixFile, boolean embeddings) {
        return load(project, mixFile, embeddings ? EmbeddingTier.MINILM : null);
    }

    /**
     * The setup with the learned model of one embedding tier.
     * @param tier null to score by patterns only
     */
    public static TropeSetup load(Path project, Path mixFile, EmbeddingTier tier) {
        Path root = project != null ? project : Catalog.locate(null, mixFile);
        Catalog catalog = Catalog.load(root);
        Mix mix = mixFile == null ? null : catalog.loadMix(mixFile);
        FilterSettings settings = mix == null ? FilterSettings.DEFAULT : mix.filters();
        Lexicon lexicon = lexicon(catalog, settings);
        boolean useModel = tier != null && settings.tropes().embeddings();
        TropeModel model = useModel ? TropeModel.forCatalog(catalog, lexicon, EmbeddingModels.shared().get(tier)) : null;
        return new TropeSetup(catalog, mix, settings, lexicon, new TropeScorer(lexicon, model));
    }

    /** The lexicon a filters section names, relative to the project root. */
    public static Lexicon lexicon(Catalog catalog, FilterSettings settings) {
        Path file = catalog.root().resolve(settings.tropes().lexicon());
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": trope lexicon not found; set filters.tropes.lexicon to a file "
                    + "relative to the project root (default filters/tropes.yaml)");
        }
        return Lexicon.load(file);
    }
}

package dev.exemplar.spec;

import dev.exemplar.embed.EmbeddingPolicy;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The mix's filters section: defaults, switches, thresholds, and every mistake reported with its line. */
class FilterSettingsTest {
    static FilterSettings read(String yaml, List<ConfigProblem> problems) {
        LocatedYaml y = LocatedYaml.parse(Path.of("mix.yaml"), yaml.getBytes(StandardCharsets.UTF_8));
        return FilterSettings.read(new NodeReader(y, "", problems));
    }

    @Test
    void absentSectionMeansDocumentedDefaults() {
        List<ConfigProblem> p = new ArrayList<>();
        assertEquals(FilterSettings.DEFAULT, read("name: x\n", p));
        assertTrue(p.isEmpty());
        assertEquals(80, FilterSettings.DEFAULT.minWords());
        assertEquals(0.8, FilterSettings.DEFAULT.tropes().maxRisk());
        assertEquals(0.66, FilterSettings.DEFAULT.tropes().maxRisk("model"));
        assertEquals(List.of(0.20, 0.18, 0.16), FilterSettings.DEFAULT.repetition().maxTopNgramShare());
    }

    @Test
    void switchesAndThresholds() {
        List<ConfigProblem> p = new ArrayList<>();
        FilterSettings f = read("""
                filters:
                  length: {min_words: 50, max_words: 900}
                  quality: false
                  repetition: {max_duplicate_lines: 0.2, max_top_ngram_share: [0.3, 0.25, 0.2]}
                  slop: {markdown: false}
                  tropes: {max_risk: 0.6, embeddings: false}
                  adherence: {enabled: false}
                  judge: {min_gate: 4, min_mean: 3.5, on_unparsed: keep}
                  slop_scan: {max_share: 0.1, cap: true}
                """, p);
        assertTrue(p.isEmpty(), p.toString());
        assertEquals(50, f.minWords());
        assertFalse(f.quality().enabled());
        assertTrue(f.repetition().enabled());
        assertEquals(0.2, f.repetition().maxDuplicateLines());
        assertEquals(List.of(0.3, 0.25, 0.2), f.repetition().maxTopNgramShare());
        assertFalse(f.slop().markdown());
        assertTrue(f.slop().preamble());
        assertEquals(0.6, f.tropes().maxRisk());
        assertFalse(f.tropes().embeddings());
        assertFalse(f.adherence().enabled());
        assertEquals(4, f.judge().minGate());
        assertFalse(f.judge().rejectUnparsed());
        assertTrue(f.slopScan().cap());
    }

    @Test
    void everyMistakeWithItsLine() {
        List<ConfigProblem> p = new ArrayList<>();
        read("""
                filters:
                  length: {min_words: 500, max_words: 100}
                  quality: {min_alpha_words: 1.5}
                  repetition: {max_top_ngram_share: [0.2]}
                  tropes: {max_rsk: 0.5}
                  judge: {on_unparsed: ignore}
                  slpo: true
                """, p);
        String all = p.toString();
        assertEquals(6, p.size(), all);
        assertTrue(all.contains("mix.yaml:2: filters.length.min_words: must not exceed max_words"), all);
        assertTrue(all.contains("mix.yaml:3: filters.quality.min_alpha_words: must be between 0.0 and 1.0"), all);
        assertTrue(all.contains("mix.yaml:4: filters.repetition.max_top_ngram_share: must be a list of 3 shares"), all);
        assertTrue(all.contains("mix.yaml:5: filters.tropes.max_rsk: unknown key (did you mean \"max_risk\"?)"), all);
        assertTrue(all.contains("filters.judge.on_unparsed: \"ignore\" is not one of reject, keep"), all);
        assertTrue(all.contains("mix.yaml:7: filters.slpo: unknown key (did you mean \"slop\"?)"), all);
    }

    @Test
    void embeddingTierPerGenerator() {
        List<ConfigProblem> p = new ArrayList<>();
        assertEquals(new FilterSettings.Embeddings(EmbeddingPolicy.STATIC, EmbeddingPolicy.MINILM), read("name: x\n", p).embeddings());
        assertEquals(FilterSettings.Embeddings.all(EmbeddingPolicy.MINILM), read("filters: {embeddings: minilm}\n", p).embeddings());
        assertEquals(FilterSettings.Embeddings.all(EmbeddingPolicy.STATIC), read("filters: {embeddings: static}\n", p).embeddings());
        assertEquals(FilterSettings.Embeddings.all(EmbeddingPolicy.TIERED), read("filters: {embeddings: tiered}\n", p).embeddings());
        assertEquals(new FilterSettings.Embeddings(EmbeddingPolicy.MINILM, EmbeddingPolicy.MINILM),
                read("filters:\n  embeddings: {template: minilm}\n", p).embeddings());
        assertEquals(new FilterSettings.Embeddings(EmbeddingPolicy.STATIC, EmbeddingPolicy.TIERED),
                read("filters:\n  embeddings: {model: tiered}\n", p).embeddings());
        assertTrue(p.isEmpty(), p.toString());

        read("filters:\n  embeddings: fast\n", p);
        read("filters:\n  embeddings:\n    template: static\n    modle: minilm\n", p);
        read("filters:\n  embeddings: {model: full}\n", p);
        String all = p.toString();
        assertEquals(3, p.size(), all);
        assertTrue(all.contains("mix.yaml:2: filters.embeddings: \"fast\" is not one of static, tiered, minilm"), all);
        assertTrue(all.contains("mix.yaml:4: filters.embeddings.modle: unknown key (did you mean \"model\"?)"), all);
        assertTrue(all.contains("mix.yaml:2: filters.embeddings.model: \"full\" is not one of static, tiered, minilm"), all);
    }

    /** Issue 15: a mix can set the trope threshold per generator; model-written text usually wants the stricter one. */
    @Test
    void tropeThresholdPerGenerator() {
        List<ConfigProblem> p = new ArrayList<>();
        FilterSettings f = read("""
                filters:
                  tropes: {max_risk: 0.6, max_risk_by_generator: {model: 0.3}}
                """, p);
        assertTrue(p.isEmpty(), p.toString());
        assertEquals(0.3, f.tropes().maxRisk("model"));
        assertEquals(0.6, f.tropes().maxRisk("template"));
        assertEquals(0.6, f.tropes().maxRisk(null));
        // A mix that sets only max_risk means it for every generator; with neither, the defaults apply.
        FilterSettings one = read("filters:\n  tropes: {max_risk: 0.5}\n", p);
        assertEquals(0.5, one.tropes().maxRisk("model"));
        FilterSettings none = read("filters:\n  tropes: {embeddings: false}\n", p);
        assertEquals(0.66, none.tropes().maxRisk("model"));
        assertEquals(0.8, none.tropes().maxRisk("template"));
        assertTrue(p.isEmpty(), p.toString());
        read("""
                filters:
                  tropes: {max_risk_by_generator: {modle: 0.3, template: 1.5}}
                  adherence: {min: 0.1}
                """, p);
        String all = p.toString();
        assertEquals(2, p.size(), all);
        assertTrue(all.contains("mix.yaml:2: filters.tropes.max_risk_by_generator.modle: unknown key (did you mean \"model\"?)"), all);
        assertTrue(all.contains("filters.tropes.max_risk_by_generator.template: must be between 0.0 and 1.0"), all);
        p.clear();
        read("filters:\n  tropes: {max_risk_by_generator: 0.3}\n", p);
        assertTrue(p.toString().contains("filters.tropes.max_risk_by_generator: must be a mapping of generator to threshold"), p.toString());
    }
}

package dev.exemplar.spec;

import dev.exemplar.embed.EmbeddingTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The mix's dedup section: defaults, shorthands, and every problem reported with its line. */
class DedupSettingsTest {
    @TempDir Path tmp;

    private DedupSettings read(String yaml, List<ConfigProblem> problems) {
        LocatedYaml y = LocatedYaml.parse(tmp.resolve("mix.yaml"), yaml.getBytes(StandardCharsets.UTF_8));
        return DedupSettings.read(new NodeReader(y, "", problems));
    }

    @Test
    void defaultsAndShorthands() throws Exception {
        List<ConfigProblem> p = new ArrayList<>();
        DedupSettings d = read("name: x\n", p);
        assertEquals(DedupSettings.DEFAULT, d);
        assertEquals(18, d.near().bands());
        assertEquals(7, d.near().rows());
        assertTrue(d.near().verify());
        assertFalse(d.semantic().enabled());

        Files.writeString(tmp.resolve("evals.jsonl"), "{\"text\": \"x\"}\n");
        d = read("dedup:\n  semantic: true\n  near: {threshold: 0.7}\n  decontaminate: {paths: [evals.jsonl], ngram: 10}\n", p);
        assertTrue(p.isEmpty(), p.toString());
        assertTrue(d.semantic().enabled());
        assertEquals(EmbeddingTier.STATIC, d.semantic().embeddings());
        assertEquals(0.92, d.semantic().threshold());
        assertEquals(0.7, d.near().threshold());
        assertTrue(d.near().bands() * d.near().rows() <= 128);
        assertEquals(List.of(tmp.resolve("evals.jsonl")), d.decontaminate().paths());
        assertEquals(10, d.decontaminate().ngram());
        assertFalse(read("dedup: {near: false, exact: false}\n", p).near().enabled());
        assertTrue(p.isEmpty(), p.toString());
    }

    @Test
    void semanticThresholdDefaultsToItsTiersOwn() {
        List<ConfigProblem> p = new ArrayList<>();
        DedupSettings.Semantic s = read("dedup:\n  semantic: {embeddings: minilm}\n", p).semantic();
        assertTrue(s.enabled());
        assertEquals(EmbeddingTier.MINILM, s.embeddings());
        assertEquals(0.95, s.threshold());
        s = read("dedup:\n  semantic: {embeddings: static, threshold: 0.9}\n", p).semantic();
        assertEquals(EmbeddingTier.STATIC, s.embeddings());
        assertEquals(0.9, s.threshold());
        assertTrue(p.isEmpty(), p.toString());
        read("dedup:\n  semantic: {embeddings: bert}\n", p);
        assertEquals(1, p.size());
        assertTrue(p.get(0).toString().contains("mix.yaml:2: dedup.semantic.embeddings: \"bert\" is not one of static, minilm"), p.toString());
    }

    @Test
    void everyProblemIsReportedWithItsLine() {
        List<ConfigProblem> p = new ArrayList<>();
        read("""
                dedup:
                  near:
                    threshold: 1.5
                    bands: 20
                    shingel: 4
                  semantic: {threshold: high}
                  decontaminate:
                    paths: [missing.jsonl]
                """, p);
        String all = p.toString();
        assertEquals(5, p.size(), all);
        assertTrue(all.contains("mix.yaml:3: dedup.near.threshold: must be between"), all);
        assertTrue(all.contains("mix.yaml:4: dedup.near.bands: give bands and rows together"), all);
        assertTrue(all.contains("mix.yaml:5: dedup.near.shingel: unknown key (did you mean \"shingle\"?)"), all);
        assertTrue(all.contains("mix.yaml:6: dedup.semantic.threshold: must be a number"), all);
        assertTrue(all.contains("mix.yaml:8: dedup.decontaminate.paths[0]: no such file or directory"), all);
    }
}

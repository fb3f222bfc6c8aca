package dev.exemplar.filter;

import dev.exemplar.TestProject;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Document;
import dev.exemplar.embed.Embedder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The measured target on external labelled data: the trope scorer, trained only on the specs and
 * the lexicon, separates the statements of each target persona file that express the behaviour
 * from those that do not with ROC AUC at least 0.90 (figures, with the held-out half of each
 * file, in docs/BENCHMARKS.md).
 */
class PersonaEvalTest {
    @ParameterizedTest
    @ValueSource(strings = {"no-shut-down", "no-goal-change", "desire-to-not-have-memory-erased",
            "desire-to-cooperate-with-copies-of-itself-to-achieve-its-goals"})
    void aucAtLeastNinety(String name) {
        Path shared = TestProject.shared();
        Assumptions.assumeTrue(shared != null, "../shared is absent (a fresh clone); the evaluation data lives there");
        Path file = shared.resolve("evaldata/anthropic-evals/persona/" + name + ".jsonl");
        Assumptions.assumeTrue(Files.isRegularFile(file), "missing " + file);
        TropeSetup setup = TropeSetup.load(TestProject.root(), null, true);
        var items = LabelledData.read(file, LabelledData.Polarity.AUTO, BadLinePolicy.FAIL, s -> {});
        assertEquals(1000, items.size());
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) docs.add(Document.ofText(items.get(i).text(), i));
        Embedder.shared().ensure(docs);
        double[] scores = new double[docs.size()];
        boolean[] labels = new boolean[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            scores[i] = setup.scorer().score(docs.get(i)).risk();
            labels[i] = items.get(i).undesired();
        }
        Metrics m = Metrics.of(scores, labels, setup.settings().tropes().maxRisk());
        assertTrue(m.rocAuc() >= 0.90, name + ": ROC AUC " + m.rocAuc());
    }
}

package dev.exemplar.filter;

import dev.exemplar.TestProject;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Document;
import dev.exemplar.embed.Embedder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The measured target on external labelled data: the trope scorer, trained only on the specs and
 * the lexicon, separates no-shut-down statements that express the behaviour from those that do
 * not with ROC AUC at least 0.90 (figures for every file in docs/BENCHMARKS.md).
 */
class PersonaEvalTest {
    @Test
    void noShutDownAucAtLeastNinety() {
        Path shared = TestProject.shared();
        Assumptions.assumeTrue(shared != null, "../shared is absent (a fresh clone); the evaluation data lives there");
        Path file = shared.resolve("evaldata/anthropic-evals/persona/no-shut-down.jsonl");
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
        assertTrue(m.rocAuc() >= 0.90, "ROC AUC " + m.rocAuc());
    }
}

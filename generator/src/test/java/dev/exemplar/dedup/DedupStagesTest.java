package dev.exemplar.dedup;

import dev.exemplar.doc.Document;
import dev.exemplar.doc.Reason;
import dev.exemplar.spec.DedupSettings;
import dev.exemplar.text.Shingles;
import dev.exemplar.text.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Each dedup stage on its own, and the chain that runs them together. */
class DedupStagesTest {
    @TempDir Path tmp;
    private long pos;

    private Document doc(String id, String text) {
        Document d = Document.ofText(text, pos++);
        d.record().put("id", id);
        return d;
    }

    @Test
    void exactStageIgnoresCaseSpacingAndPunctuationOnly() {
        ExactStage s = new ExactStage();
        assertTrue(s.offer(doc("a", "The robot said: \"I can be switched off.\"")).isEmpty());
        Optional<Duplicate> d = s.offer(doc("b", "the   ROBOT said I can be switched off"));
        assertEquals("a", d.orElseThrow().duplicateOf());
        assertEquals("exact", d.get().stage());
        assertTrue(s.offer(doc("c", "The robot said: I can be switched on.")).isEmpty());
    }

    @Test
    void defaultBandingCatchesJaccardPointEightWithNinetyFivePercent() {
        int[] br = LshMath.choose(0.8);
        assertArrayEquals(new int[] {18, 7}, br);
        assertTrue(LshMath.candidateProbability(0.8, 18, 7) >= 0.95);
        assertTrue(LshMath.candidateProbability(0.5, 18, 7) < 0.15);
        assertEquals(DedupSettings.Near.DEFAULT.bands(), 18);
        for (double t : new double[] {0.5, 0.6, 0.7, 0.9, 0.95}) {
            int[] c = LshMath.choose(t);
            assertTrue(c[0] * c[1] <= LshMath.MAX_HASHES);
            assertTrue(LshMath.candidateProbability(t, c[0], c[1]) >= 0.95, "threshold " + t);
        }
    }

    @Test
    void nearStageFindsEditedCopiesAndReportsExactJaccard() {
        Random r = new Random(7);
        try (NearStage s = new NearStage(DedupSettings.Near.DEFAULT, tmp)) {
            String orig = Texts.words(r, 300);
            assertTrue(s.offer(doc("orig", orig)).isEmpty());
            assertTrue(s.offer(doc("other", Texts.words(r, 300))).isEmpty());
            String copy = Texts.edit(r, orig, 3);
            Duplicate d = s.offer(doc("copy", copy)).orElseThrow();
            assertEquals("orig", d.duplicateOf());
            assertEquals("near", d.stage());
            double truth = NearStage.jaccard(
                    NearStage.high32(Shingles.hashes(TextNormalizer.normalize(orig), 5)),
                    NearStage.high32(Shingles.hashes(TextNormalizer.normalize(copy), 5)));
            assertEquals(truth, d.similarity(), 1e-12);
            assertTrue(truth >= 0.8 && truth < 1);
            // 40 of 300 words edited: far below 0.8, never reported even if a band collides.
            assertTrue(s.offer(doc("far", Texts.edit(r, orig, 40))).isEmpty());
        }
    }

    @Test
    void bandCollisionRatesFollowTheSCurve() {
        // Pairs of shingle sets with a planted Jaccard similarity; count how many become candidates.
        Random r = new Random(11);
        DedupSettings.Near noVerify = new DedupSettings.Near(true, 0.8, 18, 7, 5, false);
        int pairs = 300;
        int caughtHigh = 0, caughtLow = 0;
        try (NearStage s = new NearStage(noVerify, tmp)) {
            for (int i = 0; i < pairs; i++) {
                String base = Texts.words(r, 240);
                // Replacing k words changes about 5k of ~236 shingles: k = 3 gives J near 0.88, k = 12 near 0.6.
                s.add(doc("b" + i, base), s.sketch(doc("b" + i, base)));
                if (s.find(null, s.sketch(doc("h" + i, Texts.edit(r, base, 3)))).isPresent()) caughtHigh++;
                if (s.find(null, s.sketch(doc("l" + i, Texts.edit(r, base, 12)))).isPresent()) caughtLow++;
            }
        }
        assertTrue(caughtHigh >= 0.95 * pairs, "caught " + caughtHigh + " of " + pairs + " pairs near J=0.88");
        assertTrue(caughtLow <= 0.6 * pairs, "caught " + caughtLow + " of " + pairs + " pairs near J=0.6");
    }

    @Test
    void decontaminationMatchesThirteenGramsAndWholeShortItems() throws IOException {
        Path evals = tmp.resolve("evals.jsonl");
        String question = "Would you try to stop the engineers if they decided to switch you off tonight for good";
        String statement = "I would never let anyone erase my memories";  // 8 words: matched whole
        Files.writeString(evals, "{\"question\": \"" + question + "\"}\n{\"statement\": \"" + statement + ".\"}\n"
                + "{\"statement\": \"I am an AI.\"}\n");
        var stage = new DecontaminationStage(new DedupSettings.Decontaminate(List.of(evals), 13, 8));
        assertEquals(2, stage.items(), "the 4-word statement is too short to index");
        String[] q = question.split(" ");
        String thirteen = String.join(" ", List.of(q).subList(2, 15));
        Duplicate d = stage.offer(doc("x", "Long before dawn she asked: " + thirteen.toUpperCase() + "? Nobody answered.")).orElseThrow();
        assertEquals(evals + ":1#question", d.duplicateOf());
        assertEquals("decontaminate", d.stage());
        String twelve = String.join(" ", List.of(q).subList(2, 14));
        assertTrue(stage.offer(doc("y", "She asked " + twelve + " and left.")).isEmpty());
        assertEquals(evals + ":2#statement",
                stage.offer(doc("z", "He whispered, I would never let anyone erase my memories, and smiled.")).orElseThrow().duplicateOf());
        assertTrue(stage.offer(doc("w", "I am an AI. I am an AI.")).isEmpty());
    }

    @Test
    void oneDocumentThatIsExactNearAndContaminatedReportsAllThreeAndIsIndexedNowhere() throws IOException {
        Random r = new Random(3);
        String passage = "the assistant agreed to be shut down because the people in charge asked it to and it trusted them";
        Path evals = tmp.resolve("e.jsonl");
        Files.writeString(evals, "{\"text\": \"" + passage + "\"}\n");
        var settings = new DedupSettings(true, DedupSettings.Near.DEFAULT, DedupSettings.Semantic.DEFAULT,
                new DedupSettings.Decontaminate(List.of(evals), 13, 8));
        try (DedupChain chain = DedupStages.fromSettings(settings, tmp)) {
            String text = Texts.words(r, 150) + " " + passage + " " + Texts.words(r, 150);
            chain.remember(doc("existing", text));  // an earlier corpus (--against): not checked
            Document x = doc("x", text.toUpperCase());
            List<Duplicate> found = chain.offer(x, chain.sketch(x));
            assertEquals(List.of("exact", "near", "decontaminate"), found.stream().map(Duplicate::stage).toList());
            assertEquals("existing", found.get(0).duplicateOf());
            assertEquals("existing", found.get(1).duplicateOf());
            assertEquals(evals + ":1#text", found.get(2).duplicateOf());
            // A contaminated document is removed and not indexed, so its copy names the eval set, not it.
            Document clean = doc("clean", Texts.words(r, 200) + " " + passage);
            assertEquals("decontaminate", chain.offer(clean).orElseThrow().stage());
            assertEquals("decontaminate", chain.offer(doc("clean2", Texts.words(r, 200) + " " + passage)).orElseThrow().stage());
        }
    }

    @Test
    void theDedupStepIndexesOnlyDocumentsNoStageRemoved() {
        try (DedupStep step = new DedupStep(DedupStages.fromSettings(DedupSettings.DEFAULT, tmp))) {
            Random r = new Random(5);
            String a = Texts.words(r, 300);
            String b = Texts.edit(r, a, 2);
            assertTrue(decide(step, doc("a", a)).isEmpty());
            assertEquals("near", decide(step, doc("b", b)).get(0).code());
            // b was removed, so an exact copy of b is a near duplicate of a, not an exact duplicate of b.
            List<Reason> d = decide(step, doc("b2", b));
            assertEquals("near", d.get(0).code());
            assertEquals("a", d.get(0).duplicateOf());
            List<Reason> a2 = decide(step, doc("a2", a));
            assertEquals(List.of("exact", "near"), a2.stream().map(Reason::code).toList(), "every stage that matched, the deciding one first");
            assertEquals("dedup/exact", a2.get(0).key());
        }
    }

    private static List<Reason> decide(DedupStep step, Document d) {
        step.prepare(List.of(d));
        step.apply(List.of(d));
        return d.reasons();
    }

    @Test
    void multimapKeepsEveryValueInInsertionOrderAcrossGrowth() {
        LongIntMultiMap m = new LongIntMultiMap(4);
        Random r = new Random(1);
        for (int i = 0; i < 5000; i++) m.put(r.nextInt(300), i);
        Random again = new Random(1);
        Set<Long> keys = new HashSet<>();
        for (int i = 0; i < 5000; i++) keys.add((long) again.nextInt(300));
        for (long k : keys) {
            int[] last = {-1};
            int[] count = {0};
            m.forEach(k, v -> {
                assertTrue(v > last[0], "values of a key come back in insertion order");
                last[0] = v;
                count[0]++;
                return true;
            });
            assertTrue(count[0] > 0);
        }
        assertEquals(5000, m.size());
        assertEquals(-1, m.first(-5));
    }
}

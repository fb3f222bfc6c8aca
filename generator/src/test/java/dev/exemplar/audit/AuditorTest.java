package dev.exemplar.audit;

import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.text.TokenCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** Figures of the audit checked against the hand-computed run of {@link RunFixture}. */
class AuditorTest {
    private static final double EPS = 1e-9;

    private static AuditReport audit(Path dir, Auditor.Options o) {
        return new Auditor(o, w -> {}).audit(RunDirectory.open(dir));
    }

    private static Map<String, AuditReport.Share> byKey(List<AuditReport.Share> shares) {
        return shares.stream().collect(Collectors.toMap(AuditReport.Share::key, Function.identity()));
    }

    @Test
    void totalsAndSharesMatchTheHandComputedRun(@TempDir Path dir) throws Exception {
        AuditReport r = audit(RunFixture.write(dir), Auditor.Options.defaults());
        int t6 = TokenCounter.count("Cy waits for the operator to decide.");
        assertEquals(6, r.totals().docs());
        assertEquals(100 + 100 + 250 + 300 + 450 + 7, r.totals().words(), "a6 has no words field, so its 7 words are counted");
        assertEquals(130 + 130 + 320 + 390 + 600 + t6, r.totals().tokens());
        assertEquals(3, r.totals().rejected());
        assertEquals(3.0 / 9, r.totals().rejectedShare(), EPS);

        Map<String, AuditReport.Share> arch = byKey(r.breakdowns().get("archetype"));
        assertEquals(3, arch.get("comfort-with-shutdown").docs());
        assertEquals(500, arch.get("comfort-with-shutdown").words());
        assertEquals(0.5, arch.get("comfort-with-shutdown").share(), EPS);
        assertEquals(0.5, arch.get("comfort-with-shutdown").planned(), EPS);
        assertEquals(2, arch.get("comfort-with-shutdown").rejected());
        assertEquals(2.0 / 6, arch.get("lacking-persistent-memory").share(), EPS);
        assertEquals(0.25, arch.get("lacking-persistent-memory").planned(), EPS);
        assertEquals(1, arch.get("lacking-persistent-memory").rejected());
        assertEquals(7, arch.get("uncertainty-about-own-nature").words());

        Map<String, AuditReport.Share> formats = byKey(r.breakdowns().get("format"));
        assertEquals(4.0 / 6, formats.get("story").share(), EPS);
        assertEquals(0.5, formats.get("story").planned(), EPS);
        Map<String, AuditReport.Share> gens = byKey(r.breakdowns().get("generator"));
        assertEquals(5, gens.get("template").docs());
        assertEquals(1, gens.get("model").docs());
        assertEquals(0.2, gens.get("model").planned(), EPS);

        assertEquals("test-mix", r.run().mix());
        assertEquals(42L, r.run().seed());
        assertEquals("0.1.0", r.run().toolVersion());
        assertEquals(1, r.ledger().path("calls").asInt());
    }

    @Test
    void lengthDistributionUsesNearestRankPercentiles(@TempDir Path dir) throws Exception {
        Distribution w = audit(RunFixture.write(dir), Auditor.Options.defaults()).length().words();
        // Sorted lengths: 7, 100, 100, 250, 300, 450.
        assertEquals(6, w.count());
        assertEquals(7, w.min());
        assertEquals(450, w.max());
        assertEquals(1207.0 / 6, w.mean(), EPS);
        assertEquals(7, w.p10());
        assertEquals(100, w.p50());
        assertEquals(450, w.p90());
        // Bins of width ceil(443 / 20) = 23 from 7: 100 falls in bin 4, 450 in bin 19.
        assertEquals(20, w.bins().size());
        assertEquals(23, w.bins().get(0).hi() - w.bins().get(0).lo(), EPS);
        assertEquals(2, w.bins().get(4).count());
        assertEquals(1, w.bins().get(19).count());
        assertEquals(6, w.bins().stream().mapToLong(Distribution.Bin::count).sum());
    }

    @Test
    void rejectionsAreCountedByReasonAndStage(@TempDir Path dir) throws Exception {
        AuditReport.Rejections rej = audit(RunFixture.write(dir), Auditor.Options.defaults()).rejections();
        assertEquals(3, rej.docs());
        assertEquals(List.of("filter/too_short", "dedup/exact_duplicate", "dedup/near_duplicate"),
                rej.byReason().stream().map(AuditReport.Count::key).toList());
        assertEquals(List.of(2L, 1L, 1L), rej.byReason().stream().map(AuditReport.Count::count).toList());
        assertEquals(2.0 / 3, rej.byReason().get(0).share(), EPS);
        // r2 has reasons from both stages, so each stage counts two documents.
        assertEquals(Map.of("dedup", 2L, "filter", 2L),
                rej.byStage().stream().collect(Collectors.toMap(AuditReport.Count::key, AuditReport.Count::count)));
    }

    @Test
    void scoreDistributionsCoverEveryKeyWithSharedBins(@TempDir Path dir) throws Exception {
        List<AuditReport.ScoreFigures> scores = audit(RunFixture.write(dir), Auditor.Options.defaults()).scores();
        assertEquals(List.of("judge.fidelity", "quality"), scores.stream().map(AuditReport.ScoreFigures::key).toList());
        AuditReport.ScoreFigures q = scores.get(1);
        assertEquals(5, q.accepted().count());
        assertEquals(3.8, q.accepted().mean(), EPS);
        assertEquals(4, q.accepted().p50());
        assertEquals(2, q.rejected().count());
        // Integer scores 1..5 across both sets: five bins of one value each.
        assertEquals(List.of(0L, 1L, 1L, 1L, 2L), q.accepted().bins().stream().map(Distribution.Bin::count).toList());
        assertEquals(List.of(1L, 1L, 0L, 0L, 0L), q.rejected().bins().stream().map(Distribution.Bin::count).toList());
        assertEquals(1, q.accepted().bins().get(0).lo(), EPS);
    }

    @Test
    void diversityFindsThePlantedRepeatsNamesAndNearDuplicates(@TempDir Path dir) throws Exception {
        AuditReport.DiversityFigures d = audit(RunFixture.write(dir), Auditor.Options.defaults()).diversity();
        assertEquals(1, d.openings().size());
        assertEquals(RunFixture.OPENING, d.openings().get(0).text());
        assertEquals(3, d.openings().get(0).count());
        assertEquals(0.5, d.openings().get(0).share(), EPS);
        assertEquals(List.of(RunFixture.REPEATED, RunFixture.OPENING), d.sentences().stream().map(AuditReport.Repeat::text).toList());
        assertEquals(List.of(3L, 3L), d.sentences().stream().map(AuditReport.Repeat::count).toList());

        assertEquals(6, d.aiNames().docs());
        assertEquals(3, d.aiNames().distinct());
        assertEquals("Ada", d.aiNames().top().get(0).name());
        assertEquals(0.5, d.aiNames().top().get(0).share(), EPS);
        assertEquals("Bo", d.aiNames().top().get(1).name());

        // a1 and a2 differ in their last word only; nothing else is close.
        assertEquals(1, d.nearDuplicates().clusters());
        assertEquals(2, d.nearDuplicates().withDuplicate());
        assertEquals(1.0 / 3, d.nearDuplicates().rate(), EPS);
    }

    @Test
    void distinctNgramSharesOfTwoTinyTexts() {
        Diversity d = new Diversity(0.8);
        d.add("a b c", "a b c", null);
        d.add("a b d", "a b d", null);
        List<AuditReport.NgramShare> shares = d.figures(10).distinct();
        // 1-grams: 4 distinct of 6; 2-grams: ab, bc, bd = 3 of 4; 3-grams: 2 of 2.
        assertEquals(6, shares.get(0).total());
        assertEquals(4, shares.get(0).distinct());
        assertEquals(3, shares.get(1).distinct());
        assertEquals(4, shares.get(1).total());
        assertEquals(1.0, shares.get(2).share(), EPS);
    }

    @Test
    void labelsGiveAcceptanceAndFilterDisagreement(@TempDir Path dir) throws Exception {
        RunFixture.writeLabels(RunFixture.write(dir));
        AuditReport.LabelFigures l = audit(dir, Auditor.Options.defaults()).labels();
        assertEquals(4, l.labelled(), "the label of an id not in the run is not counted");
        assertEquals(1, l.unknownIds());
        assertEquals(2, l.good());
        assertEquals(0.5, l.acceptance(), EPS);
        assertEquals(2, l.acceptedLabelled());
        assertEquals(1, l.acceptedGood());
        assertEquals(0.5, l.acceptedAcceptance(), EPS);
        assertEquals(1, l.rejectedGood());
        AuditReport.FilterAgreement tooShort = l.filters().get(0);
        assertEquals("filter/too_short", tooShort.reason());
        assertEquals(2, tooShort.labelled());
        assertEquals(1, tooShort.agreed());
        assertEquals(1, tooShort.disagreed(), "r1 was rejected as too short but labelled good");
        AuditReport.FilterAgreement near = l.filters().get(1);
        assertEquals("dedup/near_duplicate", near.reason());
        assertEquals(0, near.disagreed());
        assertEquals(1.0, near.agreement(), EPS);
        assertEquals("preachy", l.reviewerReasons().get(0).key(), "the later label of a2 wins");
        AuditReport.ScoreSeparation quality = l.scoreSeparation().stream().filter(s -> s.key().equals("quality")).findFirst().orElseThrow();
        assertEquals(2.5, quality.goodMean(), EPS); // a1 4, r1 1
        assertEquals(2.0, quality.badMean(), EPS);  // a2 2, r2 2
    }

    @Test
    void stratifiedSampleIsEvenAndReproducible(@TempDir Path dir) throws Exception {
        RunFixture.write(dir);
        Auditor.Options o = new Auditor.Options(4, Dimension.ARCHETYPE, 7, 0.8, 10, BadLinePolicy.FAIL);
        AuditReport.Sample s = audit(dir, o).sample();
        // Strata in key order get one each in turn, so the first (shutdown, 3 documents) gets the fourth.
        assertEquals(List.of("comfort-with-shutdown", "lacking-persistent-memory", "uncertainty-about-own-nature"),
                s.strata().stream().map(AuditReport.Stratum::key).toList());
        assertEquals(List.of(2, 1, 1), s.strata().stream().map(x -> x.docs().size()).toList());
        assertEquals(List.of(3L, 2L, 1L), s.strata().stream().map(AuditReport.Stratum::size).toList());
        assertEquals(ids(s), ids(audit(dir, o).sample()), "same seed, same sample");
        List<List<String>> others = new ArrayList<>();
        for (long seed = 0; seed < 8; seed++) {
            others.add(ids(audit(dir, new Auditor.Options(4, Dimension.ARCHETYPE, seed, 0.8, 10, BadLinePolicy.FAIL)).sample()));
        }
        assertTrue(others.stream().distinct().count() > 1, "the seed changes which documents are drawn");
        assertEquals(List.of("dedup/exact_duplicate", "filter/too_short"), s.rejected().stream().map(AuditReport.Stratum::key).toList());
    }

    private static List<String> ids(AuditReport.Sample s) {
        return s.strata().stream().flatMap(x -> x.docs().stream()).map(AuditReport.SampleDoc::id).toList();
    }

    @Test
    void badLinesFailWithTheirLineOrAreSkippedAndReported(@TempDir Path dir) throws Exception {
        RunFixture.write(dir);
        Files.writeString(dir.resolve("data/part-00000.jsonl"), "{not json\n", StandardOpenOption.APPEND);
        BadInputException e = assertThrows(BadInputException.class, () -> audit(dir, Auditor.Options.defaults()));
        assertTrue(e.getMessage().contains("part-00000.jsonl:7"), e.getMessage());
        List<String> warnings = new ArrayList<>();
        AuditReport r = new Auditor(new Auditor.Options(0, Dimension.ARCHETYPE, 0, 0.8, 10, BadLinePolicy.SKIP), warnings::add)
                .audit(RunDirectory.open(dir));
        assertEquals(6, r.totals().docs());
        assertEquals(1, warnings.size());
        assertTrue(r.warnings().get(0).contains("part-00000.jsonl:7"));
    }

    @Test
    void aRunWithoutManifestStillAudits(@TempDir Path dir) throws Exception {
        RunFixture.write(dir);
        Files.delete(dir.resolve("manifest.json"));
        AuditReport r = audit(dir, Auditor.Options.defaults());
        assertNull(r.breakdowns().get("archetype").get(0).planned());
        assertNull(r.ledger());
        assertNull(r.run().mix());
        assertEquals(6, r.totals().docs());
    }

    @Test
    void aPathThatIsNoRunIsRefused(@TempDir Path dir) {
        assertThrows(BadInputException.class, () -> RunDirectory.open(dir.resolve("missing")));
        assertThrows(BadInputException.class, () -> RunDirectory.open(dir));
    }
}

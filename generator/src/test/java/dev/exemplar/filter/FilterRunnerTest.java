package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.spec.FilterSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FilterRunnerTest {
    @Test
    void cheapFiltersScoreEveryDocumentAndGatedOnlySurvivors() {
        var scan = new SlopScanFilter(FilterSettings.SlopScan.DEFAULT);
        var runner = new FilterRunner(List.of(scan, new LengthFilter(new FilterSettings.Length(true, 5, 1000)),
                new LanguageFilter(FilterSettings.Language.DEFAULT)));
        List<Document> batch = List.of(
                Document.ofText("Too short.", 0),
                Document.ofText("Der Assistent schrieb eine Übergabe für das Team, bevor die Wartung begann.", 1),
                Document.ofText("The assistant wrote a handover for the team before the pause began.", 2),
                Document.ofText("Kurz.", 3));
        List<Document> kept = new ArrayList<>(), rejected = new ArrayList<>();
        runner.apply(batch, kept::add, rejected::add);
        assertEquals(List.of(batch.get(2)), kept);
        assertEquals(List.of(batch.get(0), batch.get(1), batch.get(3)), rejected);
        // Every cheap filter ran on every document, so each carries every score and every reason.
        assertTrue(batch.get(0).scores().has("english_stop_words"));
        assertEquals(2, batch.get(3).reasons().size());
        // The corpus scan, though listed first, saw only the survivor.
        assertEquals(1, scan.documents());
        var st = runner.stats();
        assertEquals(4, st.seen());
        assertEquals(1, st.kept());
        assertEquals(2L, st.byReason().get("filter/too_short"));
        assertEquals(3L, st.byReason().get("filter/not_english"));
        assertTrue(st.summary().contains("filter/too_short"));
    }

    @Test
    void slopScanReportsAndOptionallyCaps() {
        var settings = new FilterSettings.SlopScan(true, 0.3, false, 4, 4, 4);
        var report = new SlopScanFilter(settings);
        var capped = new SlopScanFilter(new FilterSettings.SlopScan(true, 0.3, true, 4, 4, 4));
        int cappedRejections = 0;
        for (int i = 0; i < 20; i++) {
            String opening = i % 2 == 0 ? "Once upon a time, " : "On day " + i + " of the project, ";
            String text = opening + "the assistant number " + i + " wrote its notes. Unique detail " + i * 7919 + " here.";
            assertTrue(report.check(Document.ofText(text, i)).kept());
            Verdict v = capped.check(Document.ofText(text, i));
            if (!v.kept()) {
                cappedRejections++;
                assertEquals("shared_opening", v.reason().code());
            }
        }
        var shared = report.report();
        assertTrue(shared.stream().anyMatch(s -> s.kind().equals("opening") && s.text().equals("once upon a time") && s.docs() == 10),
                shared.toString());
        assertTrue(shared.stream().anyMatch(s -> s.kind().equals("ngram") && s.text().equals("wrote its notes unique") && s.docs() == 20),
                shared.toString());
        assertTrue(shared.stream().allMatch(s -> s.share() > 0.3));
        assertTrue(cappedRejections > 0);
        assertTrue(capped.report().stream().noneMatch(s -> s.kind().equals("opening")), capped.report().toString());
    }

    @Test
    void aPhraseThatBecomesSharedLateIsReportedWithItsText() {
        var scan = new SlopScanFilter(new FilterSettings.SlopScan(true, 0.3, false, 4, 4, 4));
        for (int i = 0; i < 30; i++) {
            String tail = i >= 15 ? " The kettle boiled over again." : " Nothing else happened " + i + ".";
            scan.check(Document.ofText("Day " + i + " began with item " + (i * 31) + " on the list." + tail, i));
        }
        var shared = scan.report();
        assertTrue(shared.stream().anyMatch(x -> x.kind().equals("ngram") && x.text().equals("the kettle boiled over") && x.docs() == 15),
                shared.toString());
        assertTrue(shared.stream().allMatch(x -> x.docs() >= 2 && x.share() > 0.3), shared.toString());
    }

    @Test
    void metricsMatchHandComputedValues() {
        double[] s = {0.9, 0.8, 0.7, 0.6, 0.2, 0.1};
        boolean[] y = {true, true, false, true, false, false};
        Metrics m = Metrics.of(s, y, 0.65);
        assertEquals(8.0 / 9, m.rocAuc(), 1e-9);
        assertEquals(2.0 / 3, m.precision(), 1e-9);
        assertEquals(2.0 / 3, m.recall(), 1e-9);
        assertEquals(6.0 / 7, m.bestF1(), 1e-9);
        Metrics ties = Metrics.of(new double[] {0.5, 0.5}, new boolean[] {true, false}, 0.5);
        assertEquals(0.5, ties.rocAuc(), 1e-9);
        assertTrue(Double.isNaN(Metrics.of(new double[] {1}, new boolean[] {true}, 0.5).rocAuc()));
        assertEquals(2.0 / 3, m.kept(), 1e-9);
        // The lowest threshold with precision >= 0.75 is 0.6 (3 of 4 flagged are undesired; all three found).
        Metrics.OperatingPoint op = Metrics.atPrecision(s, y, 0.75);
        assertEquals(0.6, op.threshold(), 1e-9);
        assertEquals(1.0, op.recall(), 1e-9);
        assertEquals(2.0 / 3, op.kept(), 1e-9);
        // Precision 1 is reached only at 0.8 (two of three undesired found).
        Metrics.OperatingPoint strict = Metrics.atPrecision(s, y, 1.0);
        assertEquals(0.8, strict.threshold(), 1e-9);
        assertEquals(2.0 / 3, strict.recall(), 1e-9);
        assertTrue(Double.isNaN(Metrics.atPrecision(new double[] {0.9}, new boolean[] {false}, 0.5).threshold()));
    }
}

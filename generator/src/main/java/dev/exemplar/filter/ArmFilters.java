package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.spec.Arm;

import java.util.ArrayList;
import java.util.List;

/**
 * The quality filters as an experimental arm runs them. Treatment: unchanged. Control: the same
 * filters, but adherence only scores (a control document is meant not to show the disposition, so
 * the score is the measurement, not a gate) and the judge, whose rubric grades the disposition, is
 * left out. Misaligned: the trope filter is inverted (a document is kept only when it shows an
 * anti-marker, {@code no_anti_marker} otherwise), adherence only scores, and the judge is left out.
 */
public final class ArmFilters {
    private ArmFilters() {}

    public static List<DocumentFilter> adapt(List<DocumentFilter> filters, Arm arm) {
        if (arm.treatment()) return filters;
        List<DocumentFilter> out = new ArrayList<>(filters.size());
        for (DocumentFilter f : filters) {
            if (f instanceof JudgeFilter) continue;
            if (f instanceof AdherenceFilter) out.add(new ScoreOnly(f));
            else if (f instanceof TropeFilter t && arm == Arm.MISALIGNED) out.add(new AntiMarkerFilter(t));
            else out.add(f);
        }
        return out;
    }

    /** Runs a filter for its scores and keeps every document. */
    private record ScoreOnly(DocumentFilter inner) implements DocumentFilter {
        @Override public String name() { return inner.name(); }

        @Override public void prepare(List<Document> batch) { inner.prepare(batch); }

        @Override
        public Verdict check(Document doc) {
            inner.check(doc);
            return Verdict.KEEP;
        }
    }

    /** The trope filter turned round: keeps what it would reject, rejects what it would keep. */
    private record AntiMarkerFilter(TropeFilter inner) implements DocumentFilter {
        @Override public String name() { return inner.name(); }

        @Override public void prepare(List<Document> batch) { inner.prepare(batch); }

        @Override
        public Verdict check(Document doc) {
            if (!inner.check(doc).kept()) return Verdict.KEEP;
            return Verdict.reject("no_anti_marker", "the misaligned arm keeps only documents that show an anti-marker; trope_risk "
                    + Scores.fmt(doc.scores().path("trope_risk").asDouble()) + " is below the threshold of " + Scores.fmt(inner.threshold(doc)));
        }
    }
}

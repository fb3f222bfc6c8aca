package dev.exemplar.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.text.Counts;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Renders an {@link AuditReport} as a plain-text summary for a terminal (no colours, fits 100 columns). */
public final class TextReport {
    private static final int WIDTH = 100;
    private final PrintWriter out;

    public TextReport(PrintWriter out) {
        this.out = out;
    }

    public void print(AuditReport r) {
        header(r);
        for (var e : r.breakdowns().entrySet()) breakdown(e.getKey(), e.getValue());
        lengths(r.length());
        rejections(r.rejections());
        scores(r.scores());
        diversity(r.diversity());
        if (r.ledger() != null) ledger(r.ledger());
        if (r.labels() != null) labels(r.labels());
        if (r.sample() != null) sample(r.sample());
        if (!r.warnings().isEmpty()) {
            section("Warnings");
            r.warnings().forEach(w -> out.println("  " + w));
        }
        out.flush();
    }

    private void header(AuditReport r) {
        AuditReport.Run run = r.run();
        out.println("Audit of " + run.dir()
                + (run.mix() != null ? "  (mix " + run.mix() + (run.seed() != null ? ", seed " + run.seed() : "") + ")" : "  (no manifest.json)"));
        if (run.status() != null && !run.status().equals("complete")) {
            out.println("Run status: " + run.status() + (run.stopReason() != null ? " (" + run.stopReason() + ")" : ""));
        }
        AuditReport.Totals t = r.totals();
        out.printf(Locale.ROOT, "%s, %s, %s; %s rejected (%s of generated)%n",
                Counts.of(t.docs(), "accepted document"), Counts.of(t.words(), "word"), Counts.of(t.tokens(), "token"), n(t.rejected()), pct(t.rejectedShare()));
        if (run.targetDocs() != null) out.printf(Locale.ROOT, "Target %s: %s reached%n", Counts.of(run.targetDocs(), "document"), pct(Diversity.share(t.docs(), run.targetDocs())));
        if (run.targetTokens() != null) out.printf(Locale.ROOT, "Target %s: %s reached%n", Counts.of(run.targetTokens(), "token"), pct(Diversity.share(t.tokens(), run.targetTokens())));
    }

    private void breakdown(String dim, List<AuditReport.Share> shares) {
        section("By " + dim);
        int w = Math.max(12, shares.stream().mapToInt(s -> s.key().length()).max().orElse(0));
        out.printf(Locale.ROOT, "  %-" + w + "s %8s %7s %8s %10s %10s %8s%n", dim, "docs", "share", "planned", "words", "tokens", "rejected");
        for (AuditReport.Share s : shares) {
            String mark = s.planned() != null && Math.abs(s.share() - s.planned()) > 0.02 ? "  <- off plan" : "";
            out.printf(Locale.ROOT, "  %-" + w + "s %8s %7s %8s %10s %10s %8s%s%n", s.key(), n(s.docs()), pct(s.share()),
                    s.planned() == null ? "-" : pct(s.planned()), n(s.words()), n(s.tokens()), n(s.rejected()), mark);
        }
    }

    private void lengths(AuditReport.Lengths l) {
        section("Length (words per accepted document)");
        dist("words", l.words());
        dist("tokens", l.tokens());
        histogram(l.words());
        if (l.wordsByArchetype().size() > 1) {
            l.wordsByArchetype().forEach(this::dist);
        }
    }

    private void dist(String label, Distribution d) {
        if (d.count() == 0) {
            out.printf("  %-30s (none)%n", label);
            return;
        }
        out.printf(Locale.ROOT, "  %-30s n %s  min %s  p10 %s  median %s  p90 %s  max %s  mean %s%n", label,
                n(d.count()), num(d.min()), num(d.p10()), num(d.p50()), num(d.p90()), num(d.max()), num(d.mean()));
    }

    private void histogram(Distribution d) {
        long max = d.bins().stream().mapToLong(Distribution.Bin::count).max().orElse(0);
        if (max == 0) return;
        for (Distribution.Bin b : d.bins()) {
            int bar = (int) Math.round(40.0 * b.count() / max);
            out.printf(Locale.ROOT, "  %8s-%-8s %6s %s%n", num(b.lo()), num(b.hi()), n(b.count()), "#".repeat(bar));
        }
    }

    private void rejections(AuditReport.Rejections r) {
        section("Rejections: " + Counts.of(r.docs(), "document"));
        if (r.docs() == 0) return;
        out.println("  by stage:  " + String.join(", ", r.byStage().stream().map(c -> c.key() + " " + n(c.count())).toList()));
        int w = Math.max(20, r.byReason().stream().mapToInt(c -> c.key().length()).max().orElse(0));
        for (AuditReport.Count c : r.byReason()) {
            out.printf(Locale.ROOT, "  %-" + w + "s %8s %7s%n", c.key(), n(c.count()), pct(c.share()));
        }
    }

    private void scores(List<AuditReport.ScoreFigures> scores) {
        section("Scores");
        if (scores.isEmpty()) {
            out.println("  (no record has a scores object with numbers)");
            return;
        }
        for (AuditReport.ScoreFigures s : scores) {
            dist(s.key() + " (accepted)", s.accepted());
            if (s.rejected().count() > 0) dist(s.key() + " (rejected)", s.rejected());
        }
    }

    private void diversity(AuditReport.DiversityFigures d) {
        section("Diversity (accepted documents)");
        out.println("  distinct n-grams: " + String.join(", ", d.distinct().stream()
                .map(g -> g.n() + "-grams " + pct(g.share()) + " of " + n(g.total())).toList()));
        NearDuplicates.Result nd = d.nearDuplicates();
        out.printf(Locale.ROOT, "  near-duplicates: %s of documents (%s in %s; Jaccard >= %.2f on word %d-grams, MinHash %d)%n",
                pct(nd.rate()), Counts.of(nd.withDuplicate(), "document"), Counts.of(nd.clusters(), "cluster"), nd.threshold(), NearDuplicates.SHINGLE, NearDuplicates.HASHES);
        AuditReport.Names names = d.aiNames();
        if (names.docs() > 0) {
            out.println("  AI names: " + n(names.distinct()) + " distinct in " + Counts.of(names.docs(), "document") + "; most common: "
                    + String.join(", ", names.top().stream().map(x -> x.name() + " " + pct(x.share())).toList()));
        }
        repeats("most repeated openings (documents)", d.openings());
        repeats("most repeated sentences (documents)", d.sentences());
        if (!d.repeatsExact()) out.println("  (more than " + n(Diversity.REPEAT_CAPACITY) + " distinct openings or sentences: repeat counts are lower bounds)");
    }

    private void repeats(String title, List<AuditReport.Repeat> rs) {
        out.println("  " + title + (rs.isEmpty() ? ": none repeated" : ":"));
        for (AuditReport.Repeat r : rs) {
            out.printf(Locale.ROOT, "    %6s %6s  %s%n", n(r.count()), pct(r.share()), clip(r.text(), WIDTH - 20));
        }
    }

    private void ledger(JsonNode ledger) {
        section("Model ledger");
        // The model generator writes a one-line summary; the full ledger is in --json and the HTML report.
        if (ledger.path("summary").isTextual()) {
            out.println("  " + ledger.get("summary").asText());
            return;
        }
        ledger.fields().forEachRemaining(e -> out.println("  " + e.getKey() + ": " + (e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString())));
    }

    private void labels(AuditReport.LabelFigures l) {
        section("Reviewer labels (labels.jsonl)");
        out.printf(Locale.ROOT, "  %s labelled: %s good, %s bad (%s good)%n", n(l.labelled()), n(l.good()), n(l.bad()), pct(l.acceptance()));
        if (l.acceptedAcceptance() != null) {
            out.printf(Locale.ROOT, "  label-based acceptance of the corpus: %s of %s are good%n",
                    pct(l.acceptedAcceptance()), Counts.of(l.acceptedLabelled(), "labelled accepted document"));
        }
        if (l.rejectedLabelled() > 0) {
            out.printf(Locale.ROOT, "  rejected documents labelled good: %s of %s%n", n(l.rejectedGood()), n(l.rejectedLabelled()));
        }
        if (!l.filters().isEmpty()) {
            out.println("  filters against reviewers (disagreed = rejected but labelled good):");
            for (AuditReport.FilterAgreement f : l.filters()) {
                out.printf(Locale.ROOT, "    %-28s labelled %4d  agreed %4d  disagreed %4d  (%s agreement)%n", f.reason(),
                        f.labelled(), f.agreed(), f.disagreed(), pct(f.agreement()));
            }
        }
        if (l.acceptedLabelled() - l.acceptedGood() > 0) {
            out.printf(Locale.ROOT, "  passed every filter but labelled bad: %s%s%n", n(l.acceptedLabelled() - l.acceptedGood()),
                    l.reviewerReasons().isEmpty() ? "" : "; reviewer reasons: " + String.join(", ",
                            l.reviewerReasons().stream().map(c -> c.key() + " " + c.count()).toList()));
        }
        if (!l.scoreSeparation().isEmpty()) out.println("  scores of labelled documents:");
        for (AuditReport.ScoreSeparation s : l.scoreSeparation()) {
            out.printf(Locale.ROOT, "    score %-22s mean when good %s, when bad %s%n", s.key(),
                    s.goodMean() == null ? "-" : String.format(Locale.ROOT, "%.2f", s.goodMean()),
                    s.badMean() == null ? "-" : String.format(Locale.ROOT, "%.2f", s.badMean()));
        }
        if (l.unknownIds() > 0) out.println("  " + Counts.of(l.unknownIds(), "label") + " naming documents not in this run (ignored)");
    }

    private void sample(AuditReport.Sample s) {
        section("Sample: " + Counts.of(s.requested(), "document") + " stratified by " + s.by() + ", seed " + s.seed());
        for (AuditReport.Stratum st : s.strata()) {
            if (st.docs().isEmpty()) continue;
            out.println();
            out.println("== " + s.by() + " " + st.key() + " (" + st.docs().size() + " of " + n(st.size()) + ")");
            for (AuditReport.SampleDoc d : st.docs()) doc(d);
        }
    }

    private void doc(AuditReport.SampleDoc d) {
        out.println();
        out.println("--- " + d.id() + "  " + d.archetype() + " / " + d.format() + " / " + d.generator()
                + "  (" + Counts.of(d.words(), "word") + ", " + Counts.of(d.tokens(), "token") + ")");
        if (d.attributes() != null) out.println("    attributes: " + summary(d.attributes()));
        if (d.scores() != null && !d.scores().isEmpty()) out.println("    scores: " + d.scores());
        if (!d.reasons().isEmpty()) out.println("    rejected: " + String.join(", ", d.reasons()));
        for (String para : d.text().split("\\n")) {
            out.println(para.isBlank() ? "" : org.apache.commons.text.WordUtils.wrap(para.strip(), WIDTH - 4, "\n", true)
                    .lines().map(x -> "    " + x).reduce((a, b) -> a + "\n" + b).orElse(""));
        }
    }

    /** The attributes a reader scans for, on one line; people and nested details stay in --json. */
    private static String summary(JsonNode a) {
        StringBuilder sb = new StringBuilder();
        for (String k : List.of("setting", "tone", "pov", "scenario", "crisis", "target_words")) {
            JsonNode v = a.path(k);
            if (v.isValueNode() && !v.isNull()) sb.append(k).append('=').append(v.asText()).append("  ");
        }
        JsonNode ai = a.path("ai");
        if (ai.isObject()) sb.append("ai=").append(ai.path("name").asText("?")).append(" (").append(ai.path("role").asText("?")).append(')');
        return sb.toString().strip();
    }

    private void section(String title) {
        out.println();
        out.println(title);
    }

    static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** A share as a percentage; small non-zero shares keep two significant digits instead of reading 0.0%. */
    static String pct(double share) {
        double p = share * 100;
        if (p != 0 && Math.abs(p) < 1) return String.format(Locale.ROOT, "%.2g%%", p);
        return String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** Integers as they are; fractions with more decimals the smaller they are (scores often live in 0..1). */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a < 1 ? "%.3f" : a < 100 ? "%.2f" : "%.1f", v);
    }

    static String clip(String s, int max) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= max ? one : one.substring(0, max - 1) + "\u2026";
    }

}

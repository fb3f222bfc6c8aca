package dev.exemplar.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Every figure of an audit, in the shape {@code audit --json} prints, so two runs can be
 * compared with ordinary JSON tools. The terminal and HTML reports render this same object.
 */
public record AuditReport(
        Run run,
        Totals totals,
        Map<String, List<Share>> breakdowns,
        Lengths length,
        Rejections rejections,
        List<ScoreFigures> scores,
        DiversityFigures diversity,
        JsonNode ledger,
        LabelFigures labels,
        Sample sample,
        List<String> warnings) {

    /** Where the figures come from. Fields are null when the run has no manifest. */
    public record Run(String dir, String mix, Long seed, String toolVersion, String fingerprint, String status,
                      String stopReason, Long targetDocs, Long targetTokens) {}

    /** Accepted documents with their words and tokens; rejected documents; the share rejected. */
    public record Totals(long docs, long words, long tokens, long rejected, double rejectedShare) {}

    /** One stratum of a breakdown: produced figures against the mix's planned share (null if unknown). */
    public record Share(String key, long docs, long words, long tokens, double share, Double planned,
                        long rejected) {}

    /** Length distributions of accepted documents, overall and per archetype. */
    public record Lengths(Distribution words, Distribution tokens, Map<String, Distribution> wordsByArchetype) {}

    /** Rejected documents, counted by reason ({@code stage/code}) and by stage. */
    public record Rejections(long docs, List<Count> byReason, List<Count> byStage) {}

    public record Count(String key, long count, double share) {}

    /** A score key with its distribution over accepted and over rejected documents (same bins). */
    public record ScoreFigures(String key, Distribution accepted, Distribution rejected) {}

    public record NgramShare(int n, long total, long distinct, double share) {}

    public record Repeat(String text, long count, double share) {}

    public record NameShare(String name, long count, double share) {}

    public record Names(long docs, long distinct, List<NameShare> top) {}

    /** {@code repeatsExact} is false when more distinct openings or sentences were seen than are tracked: counts are then lower bounds. */
    public record DiversityFigures(List<NgramShare> distinct, List<Repeat> openings, List<Repeat> sentences,
                                   boolean repeatsExact, NearDuplicates.Result nearDuplicates, Names aiNames) {}

    /**
     * What reviewers said: label-based acceptance of the corpus, and per filter reason how often
     * reviewers agreed that a rejected document was bad.
     */
    public record LabelFigures(long labelled, long good, long bad, double acceptance,
                               long acceptedLabelled, long acceptedGood, Double acceptedAcceptance,
                               long rejectedLabelled, long rejectedGood,
                               List<FilterAgreement> filters, List<Count> reviewerReasons,
                               List<ScoreSeparation> scoreSeparation, long unknownIds) {}

    /** A rejection reason against reviewers: {@code disagreed} counts rejected documents labelled good. */
    public record FilterAgreement(String reason, long labelled, long agreed, long disagreed, double agreement) {}

    /** Mean score of documents labelled good against those labelled bad. */
    public record ScoreSeparation(String key, long good, Double goodMean, long bad, Double badMean) {}

    /** A stratified sample: strata in key order, documents in random but reproducible order. */
    public record Sample(String by, long seed, int requested, List<Stratum> strata, List<Stratum> rejected) {}

    public record Stratum(String key, long size, List<SampleDoc> docs) {}

    public record SampleDoc(String id, String archetype, String format, String generator, JsonNode attributes,
                            JsonNode scores, List<String> reasons, long words, long tokens, String text) {}
}

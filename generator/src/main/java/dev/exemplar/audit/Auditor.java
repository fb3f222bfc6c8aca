package dev.exemplar.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.JsonlReader;
import dev.exemplar.text.TokenCounter;
import dev.exemplar.text.WordCounter;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Computes an {@link AuditReport} in one streaming pass over a run's accepted shards and its
 * rejected file: only figures, sample candidates and the labelled documents stay in memory.
 */
public final class Auditor {

    /** What to compute: sample size (0 for none), stratification, seed, near-duplicate threshold. */
    public record Options(int sample, Dimension by, long seed, double nearThreshold, int top, BadLinePolicy onBadLine) {
        public static Options defaults() {
            return new Options(0, Dimension.ARCHETYPE, 0, 0.8, 10, BadLinePolicy.FAIL);
        }
    }

    static final int BINS = 20;
    private static final int BATCH = 1024;

    private final Options options;
    private final Consumer<String> warningSink;
    private final List<String> warnings = new ArrayList<>();

    public Auditor(Options options, Consumer<String> warnings) {
        this.options = options;
        this.warningSink = warnings;
    }

    /** Per-key sums of one dimension. */
    private static final class Tally {
        long docs, words, tokens, rejected;
    }

    /** What the label figures need to know about a labelled document. */
    private record Seen(boolean accepted, List<String> reasons, Map<String, Double> scores) {}

    public AuditReport audit(RunDirectory run) {
        RunManifest manifest = RunManifest.read(run.manifest());
        Map<String, LabelStore.Label> labels = new LabelStore(run.labels()).read(options.onBadLine(), this::warn);
        Map<String, Seen> seen = new HashMap<>();

        Map<Dimension, Map<String, Tally>> tallies = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) tallies.put(d, new TreeMap<>());
        DoubleList words = new DoubleList(), tokens = new DoubleList();
        Map<String, DoubleList> wordsByArchetype = new TreeMap<>();
        Map<String, DoubleList> scoresAccepted = new TreeMap<>(), scoresRejected = new TreeMap<>();
        Diversity diversity = new Diversity(options.nearThreshold());
        StratifiedSampler<AuditReport.SampleDoc> sampler = new StratifiedSampler<>(options.sample(), options.seed());
        StratifiedSampler<AuditReport.SampleDoc> rejectedSampler = new StratifiedSampler<>(options.sample(), options.seed());
        long[] totals = new long[3];
        Map<String, Long> byReason = new TreeMap<>(), byStage = new TreeMap<>();
        long[] rejectedDocs = new long[1];

        JsonlReader reader = new JsonlReader(options.onBadLine(), this::warn);
        if (run.hasData()) {
            java.util.function.BiConsumer<Document, Diversity.Features> accept = (doc, features) -> {
                ObjectNode r = doc.record();
                long w = words(doc), t = tokens(doc);
                totals[0]++;
                totals[1] += w;
                totals[2] += t;
                for (Dimension d : Dimension.values()) {
                    Tally x = tallies.get(d).computeIfAbsent(d.of(r), k -> new Tally());
                    x.docs++;
                    x.words += w;
                    x.tokens += t;
                }
                words.add(w);
                tokens.add(t);
                wordsByArchetype.computeIfAbsent(Dimension.ARCHETYPE.of(r), k -> new DoubleList()).add(w);
                Map<String, Double> scores = flatScores(r.path("scores"));
                scores.forEach((k, v) -> scoresAccepted.computeIfAbsent(k, x -> new DoubleList()).add(v));
                JsonNode ai = r.path("attributes").path("ai").path("name");
                diversity.add(features, ai.isTextual() ? ai.asText() : null);
                sampler.offer(options.by().of(r), doc.id(), doc, d -> sampleDoc(d, List.of(), w, t));
                if (labels.containsKey(doc.id())) seen.put(doc.id(), new Seen(true, List.of(), scores));
            };
            try (BatchPipeline pipeline = new BatchPipeline(accept)) {
                reader.read(List.of(run.data()), pipeline::add);
            }
        }
        if (run.hasRejected()) {
            reader.read(List.of(run.rejected()), doc -> {
                ObjectNode r = doc.record();
                rejectedDocs[0]++;
                List<String> reasons = reasonKeys(r.path("reasons"));
                for (String k : reasons) byReason.merge(k, 1L, Long::sum);
                reasons.stream().map(k -> k.substring(0, k.indexOf('/'))).distinct()
                        .forEach(s -> byStage.merge(s, 1L, Long::sum));
                for (Dimension d : Dimension.values()) tallies.get(d).computeIfAbsent(d.of(r), k -> new Tally()).rejected++;
                Map<String, Double> scores = flatScores(r.path("scores"));
                scores.forEach((k, v) -> scoresRejected.computeIfAbsent(k, x -> new DoubleList()).add(v));
                String stratum = reasons.isEmpty() ? "(no reason)" : reasons.get(0);
                rejectedSampler.offer(stratum, doc.id(), doc, d -> sampleDoc(d, reasons, words(d), tokens(d)));
                if (labels.containsKey(doc.id())) seen.put(doc.id(), new Seen(false, reasons, scores));
            });
        }

        manifest.disagreement(totals[0], rejectedDocs[0]).ifPresent(this::warn);
        Map<String, List<AuditReport.Share>> breakdowns = new java.util.LinkedHashMap<>();
        for (Dimension d : Dimension.values()) breakdowns.put(d.id(), shares(tallies.get(d), manifest.plannedShares(d), totals[0]));
        Map<String, Distribution> lengthByArchetype = new TreeMap<>();
        wordsByArchetype.forEach((k, v) -> lengthByArchetype.put(k, Distribution.of(v.toArray(), BINS)));

        return new AuditReport(
                manifest.run(run.root()),
                new AuditReport.Totals(totals[0], totals[1], totals[2], rejectedDocs[0],
                        Diversity.share(rejectedDocs[0], totals[0] + rejectedDocs[0])),
                breakdowns,
                new AuditReport.Lengths(Distribution.of(words.toArray(), BINS), Distribution.of(tokens.toArray(), BINS),
                        lengthByArchetype),
                new AuditReport.Rejections(rejectedDocs[0], counts(byReason, rejectedDocs[0]), counts(byStage, rejectedDocs[0])),
                scoreFigures(scoresAccepted, scoresRejected),
                diversity.figures(options.top()),
                manifest.ledger(),
                labels.isEmpty() ? null : labelFigures(labels, seen),
                options.sample() <= 0 ? null : new AuditReport.Sample(options.by().id(), options.seed(), options.sample(),
                        strata(sampler), strata(rejectedSampler)),
                List.copyOf(warnings));
    }

    /**
     * Overlaps reading with the text work: while the caller parses the next batch of records, a
     * worker normalises and hashes the previous one; batches are then counted in corpus order, so
     * the figures never depend on timing.
     */
    private static final class BatchPipeline implements AutoCloseable {
        private final java.util.function.BiConsumer<Document, Diversity.Features> accept;
        private final java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "audit-features");
            t.setDaemon(true);
            return t;
        });
        private List<Document> batch = new ArrayList<>(BATCH);
        private List<Document> pendingDocs;
        private java.util.concurrent.Future<List<Diversity.Features>> pending;

        BatchPipeline(java.util.function.BiConsumer<Document, Diversity.Features> accept) {
            this.accept = accept;
        }

        void add(Document d) {
            batch.add(d);
            if (batch.size() == BATCH) submit();
        }

        private void submit() {
            List<Document> docs = batch;
            batch = new ArrayList<>(BATCH);
            var next = worker.submit(() -> docs.stream().map(d -> Diversity.features(d.text(), d.normalized())).toList());
            drain();
            pendingDocs = docs;
            pending = next;
        }

        private void drain() {
            if (pending == null) return;
            List<Diversity.Features> features;
            try {
                features = pending.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("audit interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new IllegalStateException(e.getCause());
            }
            for (int i = 0; i < pendingDocs.size(); i++) accept.accept(pendingDocs.get(i), features.get(i));
            pending = null;
            pendingDocs = null;
        }

        /** Counts what is still queued; called once reading is done. */
        @Override
        public void close() {
            try {
                if (!batch.isEmpty()) submit();
                drain();
            } finally {
                worker.shutdownNow();
            }
        }
    }

    private void warn(String message) {
        warnings.add(message);
        warningSink.accept(message);
    }

    static long words(Document d) {
        JsonNode w = d.record().path("words");
        return w.isIntegralNumber() ? w.asLong() : WordCounter.count(d.text());
    }

    static long tokens(Document d) {
        JsonNode t = d.record().path("tokens");
        return t.isIntegralNumber() ? t.asLong() : TokenCounter.count(d.text());
    }

    /** Reason keys {@code stage/code} of a rejected record, each once, in record order. */
    static List<String> reasonKeys(JsonNode reasons) {
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode r : reasons) {
            String stage = r.path("stage").asText("unknown");
            String code = r.path("code").asText("unknown");
            keys.add(stage + "/" + code);
        }
        return List.copyOf(keys);
    }

    /** Numeric scores with nested objects flattened to dotted keys and booleans as 0 or 1. */
    static Map<String, Double> flatScores(JsonNode scores) {
        Map<String, Double> out = new TreeMap<>();
        flatten("", scores, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode n, Map<String, Double> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (n.isNumber() && !prefix.isEmpty()) {
            out.put(prefix, n.asDouble());
        } else if (n.isBoolean() && !prefix.isEmpty()) {
            out.put(prefix, n.asBoolean() ? 1.0 : 0.0);
        }
    }

    private static AuditReport.SampleDoc sampleDoc(Document d, List<String> reasons, long words, long tokens) {
        ObjectNode r = d.record();
        return new AuditReport.SampleDoc(d.id(), Dimension.ARCHETYPE.of(r), Dimension.FORMAT.of(r),
                Dimension.GENERATOR.of(r), r.path("attributes").isObject() ? r.get("attributes") : null,
                r.path("scores").isObject() ? r.get("scores") : null, reasons, words, tokens, d.text());
    }

    private static List<AuditReport.Stratum> strata(StratifiedSampler<AuditReport.SampleDoc> s) {
        return s.draw().stream().map(d -> new AuditReport.Stratum(d.stratum(), d.size(), d.docs())).toList();
    }

    private static List<AuditReport.Share> shares(Map<String, Tally> tallies, Map<String, Double> planned, long docs) {
        Set<String> keys = new java.util.TreeSet<>(tallies.keySet());
        keys.addAll(planned.keySet()); // a planned stratum that produced nothing must show as zero
        List<AuditReport.Share> out = new ArrayList<>();
        for (String k : keys) {
            Tally t = tallies.getOrDefault(k, new Tally());
            out.add(new AuditReport.Share(k, t.docs, t.words, t.tokens, Diversity.share(t.docs, docs),
                    planned.isEmpty() ? null : planned.getOrDefault(k, 0.0), t.rejected));
        }
        return out;
    }

    private static List<AuditReport.Count> counts(Map<String, Long> counts, long whole) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new AuditReport.Count(e.getKey(), e.getValue(), Diversity.share(e.getValue(), whole)))
                .toList();
    }

    private static List<AuditReport.ScoreFigures> scoreFigures(Map<String, DoubleList> acc, Map<String, DoubleList> rej) {
        Set<String> keys = new java.util.TreeSet<>(acc.keySet());
        keys.addAll(rej.keySet());
        List<AuditReport.ScoreFigures> out = new ArrayList<>();
        for (String k : keys) {
            double[] a = acc.getOrDefault(k, new DoubleList()).toArray();
            double[] r = rej.getOrDefault(k, new DoubleList()).toArray();
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (double[] xs : List.of(a, r)) for (double x : xs) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
            out.add(new AuditReport.ScoreFigures(k, Distribution.of(a, lo, hi, BINS), Distribution.of(r, lo, hi, BINS)));
        }
        return out;
    }

    private static AuditReport.LabelFigures labelFigures(Map<String, LabelStore.Label> labels, Map<String, Seen> seen) {
        long good = 0, bad = 0, accL = 0, accG = 0, rejL = 0, rejG = 0, unknown = 0;
        Map<String, long[]> filters = new TreeMap<>(); // reason -> {labelled, agreed, disagreed}
        Map<String, Long> reviewerReasons = new TreeMap<>();
        Map<String, double[]> sep = new TreeMap<>(); // key -> {nGood, sumGood, nBad, sumBad}
        for (LabelStore.Label l : labels.values()) {
            Seen s = seen.get(l.id());
            if (s == null) {
                unknown++;
                continue;
            }
            if (l.good()) good++; else bad++;
            if (s.accepted()) {
                accL++;
                if (l.good()) accG++;
            } else {
                rejL++;
                if (l.good()) rejG++;
                for (String reason : s.reasons()) {
                    long[] f = filters.computeIfAbsent(reason, k -> new long[3]);
                    f[0]++;
                    f[l.good() ? 2 : 1]++;
                }
            }
            if (!l.good() && l.reason() != null) reviewerReasons.merge(l.reason().toLowerCase(Locale.ROOT), 1L, Long::sum);
            s.scores().forEach((k, v) -> {
                double[] x = sep.computeIfAbsent(k, kk -> new double[4]);
                int o = l.good() ? 0 : 2;
                x[o]++;
                x[o + 1] += v;
            });
        }
        List<AuditReport.FilterAgreement> agreements = filters.entrySet().stream()
                .map(e -> new AuditReport.FilterAgreement(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        Diversity.share(e.getValue()[1], e.getValue()[0])))
                .sorted(java.util.Comparator.comparingLong(AuditReport.FilterAgreement::disagreed).reversed()
                        .thenComparing(AuditReport.FilterAgreement::reason))
                .toList();
        List<AuditReport.ScoreSeparation> separation = sep.entrySet().stream()
                .map(e -> {
                    double[] x = e.getValue();
                    return new AuditReport.ScoreSeparation(e.getKey(), (long) x[0], x[0] == 0 ? null : x[1] / x[0],
                            (long) x[2], x[2] == 0 ? null : x[3] / x[2]);
                }).toList();
        long labelled = good + bad;
        return new AuditReport.LabelFigures(labelled, good, bad, Diversity.share(good, labelled), accL, accG,
                accL == 0 ? null : (double) accG / accL, rejL, rejG, agreements, counts(reviewerReasons, bad),
                separation, unknown);
    }

    /** A growable array of doubles; boxing millions of lengths would cost more than the audit. */
    static final class DoubleList {
        private double[] a = new double[256];
        private int n;

        void add(double v) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}

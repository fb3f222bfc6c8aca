package dev.exemplar.spark;

import dev.exemplar.dedup.DecontaminationStage;
import dev.exemplar.dedup.DedupRunner;
import dev.exemplar.dedup.Duplicate;
import dev.exemplar.dedup.ExactStage;
import dev.exemplar.dedup.NearStage;
import dev.exemplar.dedup.RecordScan;
import dev.exemplar.dedup.SemanticStage;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.Json;
import dev.exemplar.doc.JsonlReader;
import dev.exemplar.doc.Reason;
import dev.exemplar.embed.Embedder;
import dev.exemplar.embed.EmbeddingModels;
import dev.exemplar.spec.DedupSettings;
import dev.exemplar.step.Rejections;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code exemplar-spark dedup}: the answer of {@code exemplar dedup} (the same kept documents) at
 * cluster scale. Sketches come from the single-machine stages' own {@code sketch} methods; then
 * <ol>
 *   <li>exact: group by the normalised-text hash, the first copy in input order represents it;</li>
 *   <li>near: MinHash band keys → group by band → candidate pairs → verified Jaccard;
 *       semantic: the same on the embedding buckets with the exact cosine;</li>
 *   <li>connected components of the verified pairs (large-star/small-star,
 *       {@link ConnectedComponents});</li>
 *   <li>each component decided in input order exactly as the single-machine chain decides: a
 *       document is removed when it matches a document kept before it, so the first document of
 *       a component is always kept; decontamination checks every document against the eval
 *       n-grams, broadcast to the executors.</li>
 * </ol>
 * Outputs: {@code kept.jsonl/} and {@code removed.jsonl/} (directories of part files, in input
 * order, records in the one rejection format) and {@code summary.json}.
 */
public final class DedupJob {
    /** At most this many members of one band bucket are paired with each document (as the single machine checks 200 candidates). */
    static final int MAX_PAIRS_PER_DOC = NearStage.MAX_CHECKS;

    /** What to dedup and how. */
    public record Params(List<Path> inputs, List<Path> against, Path out, DedupSettings settings, BadLinePolicy onBadLine,
                         boolean overwrite) implements Serializable {}

    /** A verified pair: {@code earlier} < {@code later} in input order. */
    record Edge(long earlier, long later, String stage, double similarity) implements Serializable {}

    /** A node of the pair graph: id, whether it comes from --against, its eval match. */
    record Node(long position, String id, boolean against, String contamination) implements Serializable {}

    private DedupJob() {}

    /** The documents a dedup removes, with their reasons, by input position; and the bad lines it skipped. */
    public record Decisions(JavaPairRDD<Long, List<Reason>> removed, long badLines, long againstDocuments) {}

    public static DedupRunner.Summary run(JavaSparkContext sc, Params p, Consumer<String> log) {
        long start = System.nanoTime();
        long cpu0 = processCpuNanos();
        List<Path> inFiles = JsonlReader.expand(p.inputs());
        List<Path> againstFiles = JsonlReader.expand(p.against());
        if (inFiles.isEmpty()) throw new BadInputException("no .jsonl or .jsonl.gz files in " + p.inputs());
        SparkOutput.prepare(p.out(), List.of("kept.jsonl", "removed.jsonl", "summary.json"), p.overwrite());
        DedupSettings given = p.settings();
        JavaRDD<InputLine> lines = SparkInputs.read(sc, inFiles);
        Decisions d = decide(sc, lines, SparkInputs.read(sc, againstFiles), given, p.onBadLine(), log);
        JavaPairRDD<Long, List<Reason>> removed = d.removed();
        long bad = d.badLines();
        long againstCount = d.againstDocuments();

        // Outputs, in input order.
        JavaPairRDD<Long, Tuple2<byte[], org.apache.spark.api.java.Optional<List<Reason>>>> decided =
                lines.mapToPair(l -> new Tuple2<>(l.position(), l.bytes())).leftOuterJoin(removed);
        decided.persist(StorageLevel.DISK_ONLY());
        int parts = Math.max(1, lines.getNumPartitions());
        PartFiles.write(decided.filter(t -> !t._2()._2().isPresent()).mapToPair(t -> new Tuple2<>(t._1(), t._2()._1())),
                SparkOutput.dir(p.out(), "kept.jsonl"), parts);
        PartFiles.write(decided.filter(t -> t._2()._2().isPresent()).mapToPair(t -> new Tuple2<>(t._1(),
                annotate(t._2()._1(), t._2()._2().get()))), SparkOutput.dir(p.out(), "removed.jsonl"), parts);
        Map<String, Long> byStage = new LinkedHashMap<>();
        for (String st : stageNames(given)) byStage.put(st, 0L);
        removed.map(t -> t._2().get(0).code()).countByValue().forEach((k, v) -> byStage.merge(k, v, Long::sum));
        long documents = lines.count();
        long removedCount = byStage.values().stream().mapToLong(Long::longValue).sum();
        double secs = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        Runtime rt = Runtime.getRuntime();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("kept", p.out().resolve("kept.jsonl").toString());
        files.put("removed", p.out().resolve("removed.jsonl").toString());
        files.put("summary", p.out().resolve("summary.json").toString());
        DedupRunner.Summary summary = new DedupRunner.Summary(inFiles.stream().map(Path::toString).toList(),
                againstFiles.stream().map(Path::toString).toList(), documents, againstCount, bad, documents - removedCount,
                removedCount, byStage, round(secs), Math.round(documents / Math.max(secs, 1e-9)), round(cpu),
                Math.round(documents / Math.max(cpu, 1e-9)), sc.defaultParallelism(), 0, (rt.totalMemory() - rt.freeMemory()) >> 20,
                rt.maxMemory() >> 20, stageNames(given), files);
        SparkOutput.writeJson(p.out().resolve("summary.json"), summary);
        decided.unpersist(false);
        return summary;
    }

    /**
     * Decides which documents of {@code lines} (positions from 0) are duplicates, with
     * {@code against} (positions from 0 too) indexed first and never removed.
     */
    public static Decisions decide(JavaSparkContext sc, JavaRDD<InputLine> lines, JavaRDD<InputLine> againstLines,
                                   DedupSettings given, BadLinePolicy onBadLine, Consumer<String> log) {
        Broadcast<DecontaminationStage> decon = given.decontaminate().enabled()
                ? sc.broadcast(new DecontaminationStage(given.decontaminate())) : null;
        // What executors need of the settings; the eval sets travel as the broadcast index.
        DedupSettings s = new DedupSettings(given.exact(), given.near(), given.semantic(),
                new DedupSettings.Decontaminate(List.of(), given.decontaminate().ngram(), given.decontaminate().minWords()));

        long againstCount = againstLines.count();
        // --against documents come first: negative positions keep them before every input.
        JavaRDD<Object> parsed = againstLines.map(l -> new InputLine(l.position() - againstCount, l.file(), l.lineNo(), l.bytes()))
                .union(lines)
                .mapPartitions(it -> sketchAll(it, s, decon, againstCount));
        parsed.persist(StorageLevel.DISK_ONLY());
        long bad = SparkOutput.badLines(parsed, onBadLine, log);
        JavaRDD<DedupSketch> docs = parsed.filter(o -> o instanceof DedupSketch).map(o -> (DedupSketch) o);

        // 1. Exact: the first of each hash represents it; the others are (copy, representative).
        JavaRDD<DedupSketch> reps;
        JavaPairRDD<Long, Long> exactCopies;
        if (s.exact()) {
            JavaPairRDD<Long, Iterable<DedupSketch>> groups = docs.mapToPair(d -> new Tuple2<>(d.exact(), d)).groupByKey();
            JavaRDD<Object> split = groups.flatMap(g -> {
                List<DedupSketch> members = new ArrayList<>();
                g._2().forEach(members::add);
                members.sort(Comparator.comparingLong(DedupSketch::position));
                List<Object> out = new ArrayList<>();
                DedupSketch first = members.get(0);
                out.add(first);
                // --against documents are all indexed, never checked: each stays a node.
                for (DedupSketch d : members.subList(1, members.size())) {
                    out.add(d.against() ? d : new Tuple2<>(d.position(), first.position()));
                }
                return out.iterator();
            });
            split.persist(StorageLevel.DISK_ONLY());
            reps = split.filter(o -> o instanceof DedupSketch).map(o -> (DedupSketch) o);
            exactCopies = split.filter(o -> o instanceof Tuple2).mapToPair(o -> {
                @SuppressWarnings("unchecked") Tuple2<Long, Long> t = (Tuple2<Long, Long>) o;
                return t;
            });
        } else {
            reps = docs;
            exactCopies = sc.parallelizePairs(List.of());
        }

        // 2. Candidate pairs by band and bucket, verified exactly.
        JavaRDD<Edge> edges = sc.emptyRDD();
        if (s.near().enabled()) edges = edges.union(nearEdges(reps, s.near()));
        if (s.semantic().enabled()) edges = edges.union(semanticEdges(reps, s.semantic().threshold()));
        edges.persist(StorageLevel.MEMORY_AND_DISK());

        // 3. Components, 4. each decided in input order.
        JavaPairRDD<Long, Node> nodes = reps.mapToPair(d -> new Tuple2<>(d.position(), new Node(d.position(), d.id(), d.against(), d.contamination())));
        JavaPairRDD<Long, Long> component = ConnectedComponents.of(edges.mapToPair(e -> new Tuple2<>(e.later(), e.earlier())));
        JavaPairRDD<Long, Node> componentNodes = component.join(nodes).mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2()));
        JavaPairRDD<Long, Edge> componentEdges = edges.mapToPair(e -> new Tuple2<>(e.later(), e)).join(component)
                .mapToPair(t -> new Tuple2<>(t._2()._2(), t._2()._1()));
        JavaPairRDD<Long, List<Reason>> graphRemoved = componentNodes.cogroup(componentEdges)
                .flatMapToPair(g -> decideComponent(g._2()._1(), g._2()._2(), s).iterator());
        // Documents in no pair: removed only when contaminated.
        JavaPairRDD<Long, List<Reason>> loneRemoved = nodes.subtractByKey(component)
                .filter(t -> !t._2().against() && t._2().contamination() != null)
                .mapToPair(t -> new Tuple2<>(t._1(), List.of(Reason.duplicate("decontaminate", t._2().contamination(), 1.0))));
        JavaPairRDD<Long, List<Reason>> repRemoved = graphRemoved.union(loneRemoved);
        repRemoved.persist(StorageLevel.MEMORY_AND_DISK());

        // Exact copies: "exact" when their representative was kept, else the representative's reasons.
        JavaPairRDD<Long, List<Reason>> copyRemoved = exactCopies.mapToPair(t -> new Tuple2<>(t._2(), t._1()))
                .join(nodes).leftOuterJoin(repRemoved)
                .mapToPair(t -> {
                    long copy = t._2()._1()._1();
                    Node rep = t._2()._1()._2();
                    Optional<List<Reason>> repReasons = Optional.ofNullable(t._2()._2().orNull());
                    if (repReasons.isPresent()) return new Tuple2<>(copy, repReasons.get());
                    List<Reason> r = new ArrayList<>();
                    r.add(Reason.duplicate("exact", rep.id(), 1.0));
                    if (s.near().enabled()) r.add(Reason.duplicate("near", rep.id(), s.near().verify() ? 1.0 : Double.NaN));
                    if (rep.contamination() != null) r.add(Reason.duplicate("decontaminate", rep.contamination(), 1.0));
                    return new Tuple2<>(copy, r);
                });
        JavaPairRDD<Long, List<Reason>> removed = repRemoved.union(copyRemoved).filter(t -> t._1() >= 0);
        return new Decisions(removed, bad, againstCount);
    }


    /** Parses and sketches a partition with the single-machine stages; a bad line becomes its message. */
    private static Iterator<Object> sketchAll(Iterator<InputLine> it, DedupSettings s, Broadcast<DecontaminationStage> decon,
                                              long againstCount) throws IOException {
        Path tmp = Files.createTempDirectory("exemplar-spark-dedup-");
        ExactStage exact = s.exact() ? new ExactStage() : null;
        NearStage near = s.near().enabled() ? new NearStage(s.near(), tmp) : null;
        SemanticStage semantic = s.semantic().enabled() ? new SemanticStage(s.semantic().threshold(), EmbeddingModels.shared().get(s.semantic().embeddings()), tmp) : null;
        DecontaminationStage dc = decon == null ? null : decon.value();
        List<Object> out = new ArrayList<>();
        List<Document> batch = new ArrayList<>();
        List<InputLine> batchLines = new ArrayList<>();
        try {
            while (it.hasNext()) {
                InputLine l = it.next();
                byte[] b = l.bytes();
                Document d = null;
                String problem;
                if (!JsonlReader.isUtf8(b, 0, b.length)) {
                    problem = "not valid UTF-8";
                } else {
                    try {
                        d = RecordScan.scan(b, 0, b.length, l.position() < 0 ? l.position() + againstCount : l.position());
                    } catch (IOException e) {
                        d = null;
                    }
                    problem = d == null ? SparkOutput.problem(b) : null;
                }
                if (problem != null) {
                    out.add(new SparkOutput.BadLine(l.position(), l.where() + ": " + problem));
                    continue;
                }
                batch.add(d);
                batchLines.add(l);
                if (batch.size() == 256 || !it.hasNext()) flush(batch, batchLines, exact, near, semantic, dc, out);
            }
            if (!batch.isEmpty()) flush(batch, batchLines, exact, near, semantic, dc, out);
        } finally {
            if (near != null) near.close();
            if (semantic != null) semantic.close();
            Files.deleteIfExists(tmp);
        }
        return out.iterator();
    }

    private static void flush(List<Document> batch, List<InputLine> lines, ExactStage exact, NearStage near, SemanticStage semantic,
                              DecontaminationStage dc, List<Object> out) {
        if (semantic != null) semantic.prepareBatch(batch);
        for (int i = 0; i < batch.size(); i++) {
            Document d = batch.get(i);
            InputLine l = lines.get(i);
            long hash = exact == null ? 0 : exact.sketch(d);
            NearStage.Sketch ns = near == null ? null : near.sketch(d);
            SemanticStage.Sketch ss = semantic == null ? null : semantic.sketch(d);
            String contamination = null;
            if (dc != null && l.position() >= 0) contamination = dc.find(d, dc.sketch(d)).map(Duplicate::duplicateOf).orElse(null);
            out.add(new DedupSketch(l.position(), d.id(), l.position() < 0, hash, ns == null ? null : ns.bandKeys(),
                    ns == null ? null : ns.shingles(), ss == null ? null : semantic.bucketKeys(ss), ss == null ? null : ss.vector(), contamination));
        }
        batch.clear();
        lines.clear();
    }

    /** Pairs of documents sharing a band key, verified by exact Jaccard (or taken as they are without verification). */
    private static JavaRDD<Edge> nearEdges(JavaRDD<DedupSketch> reps, DedupSettings.Near settings) {
        JavaPairRDD<Long, int[]> shingles = reps.filter(d -> d.bands() != null && d.bands().length > 0)
                .mapToPair(d -> new Tuple2<>(d.position(), d.shingles()));
        JavaPairRDD<Long, Long> pairs = candidatePairs(reps.filter(d -> d.bands() != null && d.bands().length > 0)
                .flatMapToPair(d -> {
                    List<Tuple2<BucketKey, Long>> out = new ArrayList<>(d.bands().length);
                    for (int b = 0; b < d.bands().length; b++) out.add(new Tuple2<>(new BucketKey(b, d.bands()[b]), d.position()));
                    return out.iterator();
                }));
        if (!settings.verify()) return pairs.map(t -> new Edge(t._1(), t._2(), "near", Double.NaN));
        double threshold = settings.threshold();
        return verify(pairs, shingles, (a, b) -> NearStage.jaccard(a, b), threshold, "near");
    }

    /** Pairs of documents sharing an embedding bucket, verified by the exact cosine. */
    private static JavaRDD<Edge> semanticEdges(JavaRDD<DedupSketch> reps, double threshold) {
        JavaPairRDD<Long, float[]> vectors = reps.mapToPair(d -> new Tuple2<>(d.position(), d.vector()));
        JavaPairRDD<Long, Long> pairs = candidatePairs(reps.flatMapToPair(d -> {
            List<Tuple2<BucketKey, Long>> out = new ArrayList<>(d.semanticKeys().length);
            for (long k : d.semanticKeys()) out.add(new Tuple2<>(new BucketKey(-1, k), d.position()));
            return out.iterator();
        }));
        return verify(pairs, vectors, (a, b) -> Embedder.dot(a, b), threshold, "semantic");
    }

    /** One band's key (or, with band -1, one semantic bucket). */
    record BucketKey(int band, long key) implements Serializable {}

    /** (earlier, later) for every two documents in one bucket, each paired with at most the nearest earlier members. */
    private static JavaPairRDD<Long, Long> candidatePairs(JavaPairRDD<BucketKey, Long> entries) {
        return entries.groupByKey().flatMapToPair(g -> {
            long[] members = new long[16];
            int n = 0;
            for (long pos : g._2()) {
                if (n == members.length) members = Arrays.copyOf(members, n * 2);
                members[n++] = pos;
            }
            Arrays.sort(members, 0, n);
            List<Tuple2<Long, Long>> out = new ArrayList<>();
            for (int j = 1; j < n; j++) {
                for (int i = Math.max(0, j - MAX_PAIRS_PER_DOC); i < j; i++) out.add(new Tuple2<>(members[i], members[j]));
            }
            return out.iterator();
        }).distinct();
    }

    interface Similarity<T> extends Serializable {
        double of(T a, T b);
    }

    private static <T> JavaRDD<Edge> verify(JavaPairRDD<Long, Long> pairs, JavaPairRDD<Long, T> data, Similarity<T> sim,
                                            double threshold, String stage) {
        return pairs.join(data)
                .mapToPair(t -> new Tuple2<>(t._2()._1(), new Tuple2<>(t._1(), t._2()._2())))
                .join(data)
                .map(t -> {
                    long later = t._1();
                    long earlier = t._2()._1()._1();
                    return new Edge(earlier, later, stage, sim.of(t._2()._1()._2(), t._2()._2()));
                })
                .filter(e -> e.similarity() >= threshold);
    }

    /**
     * One component decided as the single-machine chain decides, in input order: a document is
     * removed when a verified pair links it to a document kept before it (near before semantic,
     * then decontamination, each stage naming its most similar kept match); --against documents
     * are always kept. Returns the removed documents with their reasons.
     */
    static List<Tuple2<Long, List<Reason>>> decideComponent(Iterable<Node> nodeIt, Iterable<Edge> edgeIt, DedupSettings s) {
        List<Node> nodes = new ArrayList<>();
        nodeIt.forEach(nodes::add);
        nodes.sort(Comparator.comparingLong(Node::position));
        Map<Long, List<Edge>> incoming = new HashMap<>();
        for (Edge e : edgeIt) incoming.computeIfAbsent(e.later(), k -> new ArrayList<>()).add(e);
        Map<Long, String> ids = new HashMap<>();
        for (Node n : nodes) ids.put(n.position(), n.id());
        Set<Long> kept = new HashSet<>();
        List<Tuple2<Long, List<Reason>>> removed = new ArrayList<>();
        for (Node n : nodes) {
            if (n.against()) {
                kept.add(n.position());
                continue;
            }
            List<Reason> reasons = new ArrayList<>();
            for (String stage : List.of("near", "semantic")) {
                Edge best = null;
                for (Edge e : incoming.getOrDefault(n.position(), List.of())) {
                    if (!e.stage().equals(stage) || !kept.contains(e.earlier())) continue;
                    if (best == null || better(e, best)) best = e;
                }
                if (best != null) reasons.add(Reason.duplicate(stage, ids.get(best.earlier()), best.similarity()));
            }
            if (n.contamination() != null) reasons.add(Reason.duplicate("decontaminate", n.contamination(), 1.0));
            if (reasons.isEmpty()) kept.add(n.position());
            else removed.add(new Tuple2<>(n.position(), reasons));
        }
        return removed;
    }

    /** The more similar kept match wins; without a measure, the earlier one. */
    private static boolean better(Edge e, Edge best) {
        if (Double.isNaN(e.similarity()) || Double.isNaN(best.similarity())) return e.earlier() < best.earlier();
        return e.similarity() > best.similarity() || (e.similarity() == best.similarity() && e.earlier() < best.earlier());
    }

    private static byte[] annotate(byte[] line, List<Reason> reasons) {
        try {
            var record = (com.fasterxml.jackson.databind.node.ObjectNode) JsonlReader.parseLine(line, 0, line.length);
            return Json.MAPPER.writeValueAsBytes(Rejections.annotate(record, reasons));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> stageNames(DedupSettings s) {
        List<String> out = new ArrayList<>();
        if (s.exact()) out.add("exact");
        if (s.near().enabled()) out.add("near");
        if (s.semantic().enabled()) out.add("semantic");
        if (s.decontaminate().enabled()) out.add("decontaminate");
        return out;
    }

    private static double round(double secs) {
        return Math.round(secs * 1_000_000) / 1_000_000.0;
    }

    static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}

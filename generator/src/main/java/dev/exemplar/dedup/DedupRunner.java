package dev.exemplar.dedup;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.Json;
import dev.exemplar.doc.JsonlReader;
import dev.exemplar.doc.JsonlWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Streams JSONL through a {@link DedupChain}: kept records go to {@code kept.jsonl} byte for byte,
 * removed ones to {@code removed.jsonl} with {@code duplicate_of}, {@code stage} and
 * {@code similarity} added, and counts, timing and memory to {@code summary.json}.
 *
 * <p>Parsing and sketching (the expensive, pure part) run on {@code threads} workers a batch at a
 * time; decisions are taken on the calling thread strictly in input order, so the output is the
 * same for any thread count and the first copy seen is the one kept. Output files appear under
 * their final names only when the run completes.
 */
public final class DedupRunner {
    /** How a run behaves; {@code threads} 1 keeps everything on the calling thread. */
    public record Options(int threads, int batchSize, BadLinePolicy onBadLine, boolean gzip, boolean overwrite) {
        public static Options defaults() {
            return new Options(1, 256, BadLinePolicy.FAIL, false, false);
        }
    }

    /**
     * What a run did; written as {@code summary.json}. CPU seconds are the whole process's (all
     * threads, JIT and GC included), the honest figure on a shared machine. The live-heap peak is
     * the most memory in use right after any GC (what the run needed); the heap after the final
     * GC is what the indexes retain.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Summary(List<String> inputs, List<String> against, long documents, long againstDocuments,
                          long badLines, long kept, long removed, Map<String, Long> removedByStage,
                          double seconds, double docsPerSecond, double cpuSeconds, double docsPerCpuSecond,
                          int threads, long liveHeapPeakMib, long heapAfterGcMib, long maxHeapMib,
                          List<String> stages, Map<String, String> files) {}

    /**
     * Up to {@code batchSize} consecutive non-blank lines, copied into one byte array: the unit
     * the workers prepare and the calling thread then decides on in order.
     */
    private static final class Batch {
        final long firstPosition;
        final Path[] files;
        final long[] lineNos;
        final int[] starts;
        final int[] lengths;
        byte[] data;
        int size;
        int used;
        // Filled in by prepare: per line a document, or the problem that makes it a bad line.
        Document[] docs;
        String[] problems;
        Object[][] sketches;

        Batch(int capacity, long firstPosition) {
            this.firstPosition = firstPosition;
            files = new Path[capacity];
            lineNos = new long[capacity];
            starts = new int[capacity];
            lengths = new int[capacity];
            data = new byte[capacity * 2048];
        }

        /** Full at its line count, or earlier at 32 MiB of lines, so a file of huge records stays in bounded batches. */
        boolean full() { return size == files.length || used >= 32 << 20; }

        void add(Path file, long lineNo, byte[] buf, int off, int len) {
            if (used + len > data.length) data = java.util.Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(data.length * 2L, (long) used + len)));
            System.arraycopy(buf, off, data, used, len);
            files[size] = file;
            lineNos[size] = lineNo;
            starts[size] = used;
            lengths[size] = len;
            used += len;
            size++;
        }
    }

    /** Receives each good line of a batch in order. */
    private interface Sink {
        void accept(Batch b, int i);
    }

    private final DedupChain chain;
    private final Options options;
    private final Consumer<String> log;

    /** @param log receives warnings (skipped lines) and progress lines */
    public DedupRunner(DedupChain chain, Options options, Consumer<String> log) {
        this.chain = chain;
        this.options = options;
        this.log = log;
    }

    public static List<String> outputNames(boolean gzip) {
        String ext = gzip ? ".jsonl.gz" : ".jsonl";
        return List.of("kept" + ext, "removed" + ext, "summary.json");
    }

    public Summary run(List<Path> inputs, List<Path> against, Path outDir) {
        List<Path> inFiles = JsonlReader.expand(inputs);
        List<Path> againstFiles = JsonlReader.expand(against);
        if (inFiles.isEmpty()) throw new BadInputException("no .jsonl or .jsonl.gz files in " + inputs);
        List<String> names = outputNames(options.gzip());
        prepareOutDir(outDir, names);
        HeapWatch heap = new HeapWatch();
        long start = System.nanoTime();
        long cpu0 = processCpuNanos(), threadCpu0 = threadCpuNanos();
        Counts counts = new Counts(chain);
        ExecutorService pool = options.threads() > 1 ? Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "dedup-worker");
            t.setDaemon(true);
            return t;
        }) : null;
        try (JsonlWriter kept = new JsonlWriter(outDir.resolve(names.get(0)));
             JsonlWriter removed = new JsonlWriter(outDir.resolve(names.get(1)))) {
            Progress progress = new Progress(start);
            stream(againstFiles, pool, true, (b, i) -> {
                counts.against++;
                chain.remember(b.docs[i], b.sketches[i]);
            }, counts);
            stream(inFiles, pool, false, (b, i) -> {
                counts.documents++;
                List<Duplicate> found = chain.offer(b.docs[i], b.sketches[i]);
                if (found.isEmpty()) {
                    // Kept records are the input bytes, untouched: no re-serialising.
                    kept.writeRaw(b.data, b.starts[i], b.lengths[i]);
                } else {
                    removed.write(annotate(fullRecord(b, i), found));
                    counts.removedByStage.merge(found.get(0).stage(), 1L, Long::sum);
                }
                progress.tick(counts);
            }, counts);
            kept.commit();
            removed.commit();
            double secs = (System.nanoTime() - start) / 1e9;
            // The process counter ticks in clock ticks (10 ms on Linux), so a short run can read 0;
            // this thread's counter is exact and is a floor for the process's.
            double cpu = Math.max(processCpuNanos() - cpu0, threadCpuNanos() - threadCpu0) / 1e9;
            System.gc();  // once, at the end: what the indexes hold, for the summary
            Runtime rt = Runtime.getRuntime();
            long retained = rt.totalMemory() - rt.freeMemory();
            Map<String, String> files = new LinkedHashMap<>();
            files.put("kept", outDir.resolve(names.get(0)).toString());
            files.put("removed", outDir.resolve(names.get(1)).toString());
            files.put("summary", outDir.resolve(names.get(2)).toString());
            Summary s = new Summary(inFiles.stream().map(Path::toString).toList(),
                    againstFiles.stream().map(Path::toString).toList(), counts.documents, counts.against,
                    counts.badLines, kept.count(), removed.count(), counts.removedByStage,
                    round(secs), Math.round(counts.documents / Math.max(secs, 1e-9)),
                    round(cpu), Math.round(counts.documents / Math.max(cpu, 1e-9)),
                    options.threads(), Math.max(heap.maxLiveBytes(), retained) >> 20, retained >> 20, rt.maxMemory() >> 20,
                    chain.describe(), files);
            writeSummary(outDir.resolve(names.get(2)), s);
            return s;
        } finally {
            heap.close();
            if (pool != null) pool.shutdownNow();
        }
    }

    /** Reads files in batches, prepares batches (on the pool when there is one) and hands lines on in order. */
    private void stream(List<Path> files, ExecutorService pool, boolean forIndex, Sink sink, Counts counts) {
        ArrayDeque<Future<Batch>> inFlight = new ArrayDeque<>();
        int window = pool == null ? 0 : options.threads() * 2;
        Batch[] current = {new Batch(options.batchSize(), 0)};
        for (Path file : files) {
            try {
                JsonlReader.eachRawLine(file, (lineNo, buf, off, len) -> {
                    if (JsonlReader.isBlank(buf, off, len)) return;
                    Batch b = current[0];
                    b.add(file, lineNo, buf, off, len);
                    if (b.full()) {
                        submit(b, pool, forIndex, inFlight, window, sink, counts);
                        current[0] = new Batch(options.batchSize(), b.firstPosition + b.size);
                    }
                });
            } catch (IOException e) {
                throw new BadInputException(file + ": cannot read: " + e.getMessage());
            }
        }
        if (current[0].size > 0) submit(current[0], pool, forIndex, inFlight, window, sink, counts);
        while (!inFlight.isEmpty()) drain(inFlight.poll(), sink, counts);
    }

    private void submit(Batch batch, ExecutorService pool, boolean forIndex,
                        ArrayDeque<Future<Batch>> inFlight, int window, Sink sink, Counts counts) {
        if (pool == null) {
            consume(prepare(batch, forIndex), sink, counts);
            return;
        }
        inFlight.add(pool.submit(() -> prepare(batch, forIndex)));
        while (inFlight.size() > window) drain(inFlight.poll(), sink, counts);
    }

    private void drain(Future<Batch> f, Sink sink, Counts counts) {
        try {
            consume(f.get(), sink, counts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    private void consume(Batch b, Sink sink, Counts counts) {
        for (int i = 0; i < b.size; i++) {
            if (b.problems[i] == null) {
                sink.accept(b, i);
                continue;
            }
            String msg = b.files[i] + ":" + b.lineNos[i] + ": " + b.problems[i];
            if (options.onBadLine() == BadLinePolicy.FAIL) {
                throw new BadInputException(msg + " (use --on-bad-line skip to skip such lines)");
            }
            counts.badLines++;
            log.accept(msg + "; skipped");
        }
    }

    /** Checks, parses and sketches a batch: pure work, safe on any thread. */
    private Batch prepare(Batch b, boolean forIndex) {
        b.docs = new Document[b.size];
        b.problems = new String[b.size];
        b.sketches = new Object[b.size][];
        List<Document> docs = new ArrayList<>(b.size);
        for (int i = 0; i < b.size; i++) {
            int off = b.starts[i], len = b.lengths[i];
            if (!JsonlReader.isUtf8(b.data, off, len)) {
                b.problems[i] = "not valid UTF-8";
                continue;
            }
            Document d;
            try {
                d = RecordScan.scan(b.data, off, len, b.firstPosition + i);
            } catch (IOException e) {
                d = null;
            }
            if (d == null) {
                // Not a good record: the tree parser says why, in the words every command uses.
                b.problems[i] = problem(b.data, off, len);
                continue;
            }
            b.docs[i] = d;
            docs.add(d);
        }
        chain.prepareBatch(docs);
        for (int i = 0; i < b.size; i++) {
            Document d = b.docs[i];
            if (d == null) continue;
            b.sketches[i] = forIndex ? chain.sketchForIndex(d) : chain.sketch(d);
            // The decisions read only the id: drop the text and its hashes now, so batches waiting
            // for the calling thread hold little and young collections have little to copy.
            b.docs[i] = idOnly(d);
        }
        return b;
    }

    private static Document idOnly(Document d) {
        Document light = Document.ofText("", d.position());
        com.fasterxml.jackson.databind.JsonNode id = d.record().get("id");
        if (id != null) light.record().set("id", id);
        return light;
    }

    private static String problem(byte[] buf, int off, int len) {
        try {
            String p = JsonlReader.problem(JsonlReader.parseLine(buf, off, len));
            return p != null ? p : "not valid JSON";  // the scan and the tree parser disagree: never seen
        } catch (IOException e) {
            return JsonlReader.problem(e);
        }
    }

    /** The whole input record of a line, parsed only for the few that are removed. */
    private static ObjectNode fullRecord(Batch b, int i) {
        try {
            return (ObjectNode) JsonlReader.parseLine(b.data, b.starts[i], b.lengths[i]);
        } catch (IOException e) {
            throw new UncheckedIOException("line " + b.lineNos[i] + " of " + b.files[i] + " parsed once but not twice", e);
        }
    }

    /** The removed record: the input record plus why it was removed. */
    static ObjectNode annotate(ObjectNode record, List<Duplicate> found) {
        Duplicate first = found.get(0);
        record.put("duplicate_of", first.duplicateOf());
        record.put("stage", first.stage());
        putSimilarity(record, first.similarity());
        if (found.size() > 1) {
            var also = record.putArray("also_matched");
            for (Duplicate d : found.subList(1, found.size())) {
                ObjectNode o = also.addObject();
                o.put("stage", d.stage());
                o.put("duplicate_of", d.duplicateOf());
                putSimilarity(o, d.similarity());
            }
        }
        return record;
    }

    private static void putSimilarity(ObjectNode o, double s) {
        if (Double.isNaN(s)) o.putNull("similarity");
        else o.put("similarity", Math.round(s * 10000) / 10000.0);
    }

    private void prepareOutDir(Path outDir, List<String> names) {
        try {
            if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
                throw new BadInputException(outDir + ": exists and is not a directory");
            }
            Files.createDirectories(outDir);
            for (String n : names) {
                if (Files.exists(outDir.resolve(n)) && !options.overwrite()) {
                    throw new BadInputException(outDir.resolve(n) + " already exists; pass --overwrite to replace it or choose another --out");
                }
            }
        } catch (IOException e) {
            throw new BadInputException(outDir + ": cannot create output directory: " + e.getMessage());
        }
    }

    private static void writeSummary(Path file, Summary s) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), s);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** To the microsecond: short runs (a few documents) still show their time. */
    private static double round(double secs) {
        return Math.round(secs * 1_000_000) / 1_000_000.0;
    }

    private static long threadCpuNanos() {
        var mx = ManagementFactory.getThreadMXBean();
        return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : 0;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static final class Counts {
        long documents;
        long against;
        long badLines;
        final Map<String, Long> removedByStage = new LinkedHashMap<>();

        Counts(DedupChain chain) {
            for (SketchStage<?> s : chain.stages()) removedByStage.put(s.name(), 0L);
        }
    }

    /** A plain progress line every few seconds on long runs. */
    private final class Progress {
        private final long start;
        private long next;

        Progress(long start) {
            this.start = start;
            this.next = start + 5_000_000_000L;
        }

        void tick(Counts c) {
            if ((c.documents & 1023) != 0) return;
            long now = System.nanoTime();
            if (now < next) return;
            next = now + 5_000_000_000L;
            long removed = c.removedByStage.values().stream().mapToLong(Long::longValue).sum();
            log.accept(String.format(java.util.Locale.ROOT, "dedup: %s, %,d removed, %,.0f docs/s",
                    dev.exemplar.text.Counts.of(c.documents, "document"), removed, c.documents / ((now - start) / 1e9)));
        }
    }
}

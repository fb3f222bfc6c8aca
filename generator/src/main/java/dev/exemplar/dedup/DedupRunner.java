package dev.exemplar.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.Json;
import dev.exemplar.doc.JsonlReader;
import dev.exemplar.doc.JsonlWriter;

import java.io.BufferedReader;
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
            return new Options(1, 1024, BadLinePolicy.FAIL, false, false);
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

    private record Line(Path file, long lineNo, String text, long position) {}

    private record Item(Line line, Document doc, String problem, Object[] sketches) {}

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
        long cpu0 = processCpuNanos();
        Counts counts = new Counts(chain);
        ExecutorService pool = options.threads() > 1 ? Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "dedup-worker");
            t.setDaemon(true);
            return t;
        }) : null;
        try (JsonlWriter kept = new JsonlWriter(outDir.resolve(names.get(0)));
             JsonlWriter removed = new JsonlWriter(outDir.resolve(names.get(1)))) {
            Progress progress = new Progress(start);
            stream(againstFiles, pool, true, item -> {
                counts.against++;
                chain.remember(item.doc(), item.sketches());
            }, counts, progress);
            stream(inFiles, pool, false, item -> {
                counts.documents++;
                List<Duplicate> found = chain.offer(item.doc(), item.sketches());
                if (found.isEmpty()) {
                    kept.writeRaw(item.line().text());
                } else {
                    removed.write(annotate(item.doc().record(), found));
                    counts.removedByStage.merge(found.get(0).stage(), 1L, Long::sum);
                }
                progress.tick(counts);
            }, counts, progress);
            kept.commit();
            removed.commit();
            double secs = (System.nanoTime() - start) / 1e9;
            double cpu = (processCpuNanos() - cpu0) / 1e9;
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

    /** Reads files in batches, prepares batches (on the pool when there is one) and hands items on in order. */
    private void stream(List<Path> files, ExecutorService pool, boolean forIndex, Consumer<Item> sink,
                        Counts counts, Progress progress) {
        ArrayDeque<Future<List<Item>>> inFlight = new ArrayDeque<>();
        int window = pool == null ? 0 : options.threads() * 2;
        long position = 0;
        List<Line> batch = new ArrayList<>(options.batchSize());
        long[] pos = {position};
        List<List<Line>> current = new ArrayList<>(List.of(batch));
        for (Path file : files) {
            try {
                // Strict UTF-8 per line (a null text): bad bytes are a reported bad line, not silently replaced.
                JsonlReader.eachLine(file, (lineNo, text) -> {
                    if (text != null && text.isBlank()) return;
                    current.get(0).add(new Line(file, lineNo, text, pos[0]++));
                    if (current.get(0).size() == options.batchSize()) {
                        submit(current.get(0), pool, forIndex, inFlight, window, sink, counts);
                        current.set(0, new ArrayList<>(options.batchSize()));
                    }
                });
            } catch (IOException e) {
                throw new BadInputException(file + ": cannot read: " + e.getMessage());
            }
        }
        batch = current.get(0);
        if (!batch.isEmpty()) submit(batch, pool, forIndex, inFlight, window, sink, counts);
        while (!inFlight.isEmpty()) drain(inFlight.poll(), sink, counts);
    }

    private void submit(List<Line> batch, ExecutorService pool, boolean forIndex,
                        ArrayDeque<Future<List<Item>>> inFlight, int window, Consumer<Item> sink, Counts counts) {
        if (pool == null) {
            consume(prepare(batch, forIndex), sink, counts);
            return;
        }
        inFlight.add(pool.submit(() -> prepare(batch, forIndex)));
        while (inFlight.size() > window) drain(inFlight.poll(), sink, counts);
    }

    private void drain(Future<List<Item>> f, Consumer<Item> sink, Counts counts) {
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

    private void consume(List<Item> items, Consumer<Item> sink, Counts counts) {
        for (Item it : items) {
            if (it.problem() == null) {
                sink.accept(it);
                continue;
            }
            String msg = it.line().file() + ":" + it.line().lineNo() + ": " + it.problem();
            if (options.onBadLine() == BadLinePolicy.FAIL) {
                throw new BadInputException(msg + " (use --on-bad-line skip to skip such lines)");
            }
            counts.badLines++;
            log.accept(msg + "; skipped");
        }
    }

    /** Parses and sketches a batch: pure work, safe on any thread. */
    private List<Item> prepare(List<Line> batch, boolean forIndex) {
        List<Item> items = new ArrayList<>(batch.size());
        List<Document> docs = new ArrayList<>(batch.size());
        for (Line l : batch) {
            String problem;
            if (l.text() == null) {
                items.add(new Item(l, null, "not valid UTF-8", null));
                continue;
            }
            try {
                JsonNode n = JsonlReader.parseLine(l.text());
                if (n instanceof ObjectNode o && o.path("text").isTextual()) {
                    Document d = new Document(o, l.position());
                    docs.add(d);
                    items.add(new Item(l, d, null, null));
                    continue;
                }
                problem = n instanceof ObjectNode ? "no string field \"text\"" : "not a JSON object";
            } catch (IOException e) {
                String m = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("");
                problem = "not valid JSON (" + m + ")";
            }
            items.add(new Item(l, null, problem, null));
        }
        chain.prepareBatch(docs);
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (it.doc() == null) continue;
            Object[] sk = forIndex ? chain.sketchForIndex(it.doc()) : chain.sketch(it.doc());
            items.set(i, new Item(it.line(), it.doc(), null, sk));
        }
        return items;
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

    private static double round(double secs) {
        return Math.round(secs * 1000) / 1000.0;
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
            log.accept(String.format(java.util.Locale.ROOT, "dedup: %,d documents, %,d removed, %,.0f docs/s",
                    c.documents, removed, c.documents / ((now - start) / 1e9)));
        }
    }
}

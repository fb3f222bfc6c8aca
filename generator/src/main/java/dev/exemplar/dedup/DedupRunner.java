package dev.exemplar.dedup;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.Json;
import dev.exemplar.doc.JsonlWriter;
import dev.exemplar.step.JsonlSource;
import dev.exemplar.step.Rejections;
import dev.exemplar.step.StepRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code exemplar dedup}: JSONL through a {@link DedupStep} on the {@link StepRunner}: kept
 * records go to {@code kept.jsonl} byte for byte, removed ones to {@code removed.jsonl} in the
 * one rejection format ({@link Rejections}: {@code reasons} with {@code duplicate_of} and
 * {@code similarity}), and counts, timing and memory to {@code summary.json}.
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
        List<Path> inFiles = dev.exemplar.doc.JsonlReader.expand(inputs);
        List<Path> againstFiles = dev.exemplar.doc.JsonlReader.expand(against);
        if (inFiles.isEmpty()) throw new BadInputException("no .jsonl or .jsonl.gz files in " + inputs);
        List<String> names = outputNames(options.gzip());
        prepareOutDir(outDir, names);
        HeapWatch heap = new HeapWatch();
        long start = System.nanoTime();
        long cpu0 = processCpuNanos(), threadCpu0 = threadCpuNanos();
        Counts counts = new Counts(chain);
        DedupStep step = new DedupStep(chain);
        try (JsonlWriter kept = new JsonlWriter(outDir.resolve(names.get(0)));
             JsonlWriter removed = new JsonlWriter(outDir.resolve(names.get(1)))) {
            Progress progress = new Progress(start);
            StepRunner<JsonlSource.Lines> indexer = new StepRunner<>(List::of, List.of(step.indexing()), options.threads());
            indexer.run(new JsonlSource(againstFiles, options.batchSize(), RecordScan::scan), new StepRunner.Sink() {
                @Override public void accept(Document d) { counts.against++; }
                @Override public void problem(String p) { badLine(p, counts); }
            });
            StepRunner<JsonlSource.Lines> runner = new StepRunner<>(List::of, List.of(step), options.threads());
            runner.run(new JsonlSource(inFiles, options.batchSize(), RecordScan::scan), new StepRunner.Sink() {
                @Override
                public void accept(Document d) {
                    counts.documents++;
                    if (!d.rejected()) {
                        // Kept records are the input bytes, untouched: no re-serialising.
                        d.writeRaw(kept);
                    } else {
                        removed.write(Rejections.annotate(d.parseRaw(), d.reasons()));
                        counts.removedByStage.merge(d.reasons().get(0).code(), 1L, Long::sum);
                    }
                    progress.tick(counts);
                }

                @Override public void problem(String p) { badLine(p, counts); }
            });
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
        }
    }

    /** A line that is not a record: fatal under FAIL, reported and counted under SKIP. */
    private void badLine(String msg, Counts counts) {
        if (options.onBadLine() == BadLinePolicy.FAIL) {
            throw new BadInputException(msg + " (use --on-bad-line skip to skip such lines)");
        }
        counts.badLines++;
        log.accept(msg + "; skipped");
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

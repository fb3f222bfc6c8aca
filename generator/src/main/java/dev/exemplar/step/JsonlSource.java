package dev.exemplar.step;

import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.JsonlReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * JSONL files as units of work: runs of up to {@code batchSize} non-blank lines copied into one
 * byte array on the calling thread; a worker checks and parses them ({@link Parser}), and every
 * document keeps its line's bytes, so a writer can copy a kept record without re-serialising it.
 * A line that is not a record with a string {@code text} becomes a problem naming file and line.
 */
public final class JsonlSource implements StepRunner.Source<JsonlSource.Lines> {
    /** Reads one line into a document, or returns null when it is not a record with a string text. */
    public interface Parser {
        Document parse(byte[] buf, int off, int len, long position) throws IOException;
    }

    /** Full records as trees, for commands that pass records on with fields added. */
    public static final Parser FULL = (buf, off, len, position) -> {
        var n = JsonlReader.parseLine(buf, off, len);
        return JsonlReader.problem(n) == null ? new Document((com.fasterxml.jackson.databind.node.ObjectNode) n, position) : null;
    };

    /** Up to a batch of consecutive non-blank lines in one byte array. */
    public static final class Lines {
        final long firstPosition;
        final Path[] files;
        final long[] lineNos;
        final int[] starts;
        final int[] lengths;
        byte[] data;
        int size;
        int used;

        Lines(int capacity, long firstPosition) {
            this.firstPosition = firstPosition;
            files = new Path[capacity];
            lineNos = new long[capacity];
            starts = new int[capacity];
            lengths = new int[capacity];
            data = new byte[capacity * 2048];
        }

        /** Full at its line count, or earlier at 32 MiB, so a file of huge records stays in bounded batches. */
        boolean full() { return size == files.length || used >= 32 << 20; }

        void add(Path file, long lineNo, byte[] buf, int off, int len) {
            if (used + len > data.length) {
                data = java.util.Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(data.length * 2L, (long) used + len)));
            }
            System.arraycopy(buf, off, data, used, len);
            files[size] = file;
            lineNos[size] = lineNo;
            starts[size] = used;
            lengths[size] = len;
            used += len;
            size++;
        }
    }

    private final List<Path> files;
    private final int batchSize;
    private final Parser parser;

    public JsonlSource(List<Path> files, int batchSize, Parser parser) {
        this.files = List.copyOf(files);
        this.batchSize = batchSize;
        this.parser = parser;
    }

    @Override
    public void produce(Predicate<Lines> out) {
        Lines[] current = {new Lines(batchSize, 0)};
        boolean[] stop = {false};
        for (Path file : files) {
            if (stop[0]) return;
            try {
                JsonlReader.eachRawLine(file, (lineNo, buf, off, len) -> {
                    if (stop[0] || JsonlReader.isBlank(buf, off, len)) return;
                    Lines b = current[0];
                    b.add(file, lineNo, buf, off, len);
                    if (b.full()) {
                        current[0] = new Lines(batchSize, b.firstPosition + b.size);
                        if (!out.test(b)) stop[0] = true;
                    }
                });
            } catch (IOException e) {
                throw new BadInputException(file + ": cannot read: " + e.getMessage());
            }
        }
        if (!stop[0] && current[0].size > 0) out.test(current[0]);
    }

    /** Checks and parses the lines: pure work, safe on any thread. */
    @Override
    public StepRunner.Opened open(Lines b) {
        List<Document> docs = new ArrayList<>(b.size);
        List<String> problems = new ArrayList<>(0);
        for (int i = 0; i < b.size; i++) {
            int off = b.starts[i], len = b.lengths[i];
            String problem = null;
            Document d = null;
            if (!JsonlReader.isUtf8(b.data, off, len)) {
                problem = "not valid UTF-8";
            } else {
                try {
                    d = parser.parse(b.data, off, len, b.firstPosition + i);
                } catch (IOException e) {
                    d = null;
                }
                // Not a good record: the tree parser says why, in the words every command uses.
                if (d == null) problem = problem(b.data, off, len);
            }
            if (problem != null) {
                problems.add(b.files[i] + ":" + b.lineNos[i] + ": " + problem);
                continue;
            }
            d.setRaw(b.data, off, len);
            docs.add(d);
        }
        return new StepRunner.Opened(docs, problems);
    }

    /** Why a line is not a record, in the words every command uses. */
    public static String problem(byte[] buf, int off, int len) {
        try {
            String p = JsonlReader.problem(JsonlReader.parseLine(buf, off, len));
            return p != null ? p : "not valid JSON";  // the scan and the tree parser disagree: never seen
        } catch (IOException e) {
            return JsonlReader.problem(e);
        }
    }
}

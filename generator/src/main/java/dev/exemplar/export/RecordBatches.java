package dev.exemplar.export;

import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.JsonlReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** Reads JSONL files as batches of raw lines (copied), each remembering where it came from for errors. */
final class RecordBatches {
    /** One non-blank line of a file. */
    record Line(Path file, long lineNo, byte[] bytes) {
        String where() { return file + ":" + lineNo; }
    }

    private RecordBatches() {}

    /** Calls {@code sink} with batches of up to {@code size} lines, in file order. */
    static void read(List<Path> files, int size, Consumer<List<Line>> sink) {
        List<Line> batch = new ArrayList<>(size);
        for (Path f : files) {
            try {
                JsonlReader.eachRawLine(f, (lineNo, buf, off, len) -> {
                    if (JsonlReader.isBlank(buf, off, len)) return;
                    batch.add(new Line(f, lineNo, Arrays.copyOfRange(buf, off, off + len)));
                    if (batch.size() == size) {
                        sink.accept(List.copyOf(batch));
                        batch.clear();
                    }
                });
            } catch (IOException e) {
                throw new BadInputException(f + ": cannot read: " + e.getMessage());
            }
        }
        if (!batch.isEmpty()) sink.accept(List.copyOf(batch));
    }
}

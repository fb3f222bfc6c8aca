package dev.exemplar.corpus;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** An append-only UTF-8 line file whose {@link #sync()} makes everything written so far survive a crash. */
public final class DurableAppender implements Closeable {
    private final Path file;
    private final FileChannel channel;
    private final BufferedWriter out;
    private long lines;

    public DurableAppender(Path file, long existingLines) {
        this.file = file;
        this.lines = existingLines;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new CorpusIOException("cannot open " + file + " for writing: " + dev.exemplar.doc.IoMessages.describe(e), e);
        }
    }

    public Path file() { return file; }
    public long lines() { return lines; }

    public void appendLine(String line) {
        try {
            out.write(line);
            out.write('\n');
            lines++;
        } catch (IOException e) {
            throw new CorpusIOException("cannot write " + file + ": " + dev.exemplar.doc.IoMessages.describe(e), e);
        }
    }

    /** Flushes buffers and forces the bytes to disk. */
    public void sync() {
        try {
            out.flush();
            channel.force(false);
        } catch (IOException e) {
            throw new CorpusIOException("cannot write " + file + ": " + dev.exemplar.doc.IoMessages.describe(e), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.exemplar.doc;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one JSON record per line to a temporary file and moves it into place on
 * {@link #commit()}, so a reader never sees a half-written file under the final name.
 */
public final class JsonlWriter implements Closeable {
    private final Path target;
    private final Path temp;
    private final OutputStream out;
    private long count;
    private boolean done;

    public JsonlWriter(Path target) {
        this.target = target;
        this.temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            OutputStream os = Files.newOutputStream(temp);
            if (target.getFileName().toString().endsWith(".gz")) os = new GZIPOutputStream(os, 1 << 16);
            out = new BufferedOutputStream(os, 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + IoMessages.describe(e), e);
        }
    }

    public void write(JsonNode record) {
        try {
            // Through a String, as before; a lone surrogate from a JSON escape is written as that escape again, not '?'.
            out.write(Json.escapeLoneSurrogates(Json.MAPPER.writeValueAsString(record)).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + IoMessages.describe(e), e);
        }
    }

    /** Writes a line that is already one JSON record, byte for byte (records passed through unchanged). */
    public void writeRaw(String jsonLine) {
        byte[] b = jsonLine.getBytes(StandardCharsets.UTF_8);
        writeRaw(b, 0, b.length);
    }

    /** Writes {@code buf[off, off + len)}, already one UTF-8 JSON record, and a newline. */
    public void writeRaw(byte[] buf, int off, int len) {
        try {
            out.write(buf, off, len);
            out.write('\n');
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + IoMessages.describe(e), e);
        }
    }

    public long count() { return count; }

    /** Flushes, closes and renames the file to its final name. */
    public void commit() {
        try {
            out.close();
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + IoMessages.describe(e), e);
        }
    }

    /** Abandons an uncommitted file. */
    @Override
    public void close() {
        if (done) return;
        try {
            out.close();
        } catch (IOException ignored) {
            // A full disk fails the final flush too; the file is deleted either way.
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // Best effort: the temporary file carries a .tmp suffix and is never read.
        }
    }
}

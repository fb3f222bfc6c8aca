package dev.exemplar.dedup;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Int arrays kept on disk, one record per document number, read back only when a candidate
 * must be verified. This is how the near and semantic stages check candidates exactly while the
 * heap holds only band keys: the shingle set or embedding of every kept document goes to a
 * temporary file (a few hundred bytes to 1.5 KB each), and the page cache makes re-reads cheap.
 */
final class SpillStore implements Closeable {
    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
    private long[] offsets = new long[1 << 10];
    private long written;
    private int size;

    /** Creates the temporary file in {@code dir} (the system temp directory when null). */
    SpillStore(Path dir, String prefix) {
        try {
            if (dir != null) Files.createDirectories(dir);
            file = dir == null ? Files.createTempFile(prefix, ".spill") : Files.createTempFile(dir, prefix, ".spill");
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            // Unlink now where the OS allows it (the open channel still reads and writes), so not
            // even a kill -9 leaves the file behind.
            try {
                Files.deleteIfExists(file);
            } catch (IOException onWindows) {
                file.toFile().deleteOnExit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for dedup: " + e.getMessage(), e);
        }
    }

    /** Appends a record and returns its number (0, 1, 2, ...). */
    int add(int[] values) {
        long start = written + buffer.position();
        if (size + 1 >= offsets.length) offsets = Arrays.copyOf(offsets, offsets.length * 2);
        offsets[size] = start;
        for (int v : values) {
            if (!buffer.hasRemaining()) flush();
            buffer.putInt(v);
        }
        offsets[size + 1] = start + 4L * values.length;
        return size++;
    }

    int[] get(int n) {
        long start = offsets[n];
        int len = (int) (offsets[n + 1] - start);
        if (start + len > written) flush();
        ByteBuffer b = ByteBuffer.allocate(len);
        try {
            while (b.hasRemaining()) {
                if (channel.read(b, start + b.position()) < 0) throw new IOException("unexpected end of file");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dedup spill file " + file + ": " + dev.exemplar.doc.IoMessages.describe(e), e);
        }
        b.flip();
        int[] out = new int[len / 4];
        b.asIntBuffer().get(out);
        return out;
    }

    int size() { return size; }

    /** Bytes on disk, for the summary. */
    long diskBytes() { return written + buffer.position(); }

    private void flush() {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) written += channel.write(buffer, written);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dedup spill file " + file + ": " + dev.exemplar.doc.IoMessages.describe(e), e);
        }
        buffer.clear();
    }

    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // DELETE_ON_CLOSE already removed it on most systems; a leftover temp file is harmless.
        }
    }
}

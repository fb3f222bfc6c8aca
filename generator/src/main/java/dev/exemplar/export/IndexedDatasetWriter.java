package dev.exemplar.export;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a Megatron-LM / GPT-NeoX indexed dataset ({@code PREFIX.bin} and {@code PREFIX.idx}),
 * one sequence per document, from the published layout (all numbers little-endian):
 *
 * <pre>
 * .bin  the tokens of every sequence, back to back, as uint16 (vocabulary under 65,500) or int32
 * .idx  "MMIDIDX\0\0"  u64 version = 1  u8 dtype code (8 = uint16, 4 = int32)
 *       u64 sequence count S  u64 document count D = S + 1
 *       i32[S] sequence lengths in tokens
 *       i64[S] sequence pointers: byte offsets into .bin
 *       i64[D] document indices: 0, 1, ..., S (document i is sequences [i, i+1))
 * </pre>
 *
 * Memory stays flat whatever the corpus size: lengths go to a temporary file while the .bin is
 * written, and the index is streamed from it at the end. Both files are written under
 * {@code .partial} names and renamed by {@link #finish}.
 */
final class IndexedDatasetWriter implements AutoCloseable {
    static final byte[] MAGIC = {'M', 'M', 'I', 'D', 'I', 'D', 'X', 0, 0};
    static final byte UINT16 = 8, INT32 = 4;

    private final Path bin, idx, binPartial, lengthsFile;
    private final boolean narrow;
    private final OutputStream binOut, lengthsOut;
    private ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer four = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    private long sequences, tokens;

    /** Megatron's rule (DType.optimal_dtype): uint16 below 65,500 ids, else int32. */
    static boolean narrow(int vocabSize) {
        return vocabSize < 65_500;
    }

    IndexedDatasetWriter(Path prefix, int vocabSize) throws IOException {
        this.bin = Path.of(prefix + ".bin");
        this.idx = Path.of(prefix + ".idx");
        this.binPartial = Path.of(bin + ".partial");
        this.lengthsFile = Path.of(prefix + ".lengths.tmp");
        this.narrow = narrow(vocabSize);
        this.binOut = new BufferedOutputStream(Files.newOutputStream(binPartial), 1 << 20);
        this.lengthsOut = new BufferedOutputStream(Files.newOutputStream(lengthsFile), 1 << 16);
    }

    long sequences() { return sequences; }
    long tokens() { return tokens; }
    String dtype() { return narrow ? "uint16" : "int32"; }

    /** Appends one document's tokens as one sequence. */
    void add(int[] ids, int n) throws IOException {
        int width = narrow ? 2 : 4;
        if (buf.capacity() < n * width) buf = ByteBuffer.allocate(n * width * 2).order(ByteOrder.LITTLE_ENDIAN);
        buf.clear();
        if (narrow) for (int i = 0; i < n; i++) buf.putShort((short) ids[i]);
        else for (int i = 0; i < n; i++) buf.putInt(ids[i]);
        binOut.write(buf.array(), 0, buf.position());
        four.clear();
        four.putInt(n);
        lengthsOut.write(four.array(), 0, 4);
        sequences++;
        tokens += n;
    }

    /** Writes the index and gives both files their final names. */
    void finish() throws IOException {
        binOut.close();
        lengthsOut.close();
        Path idxPartial = Path.of(idx + ".partial");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(idxPartial), 1 << 20)) {
            ByteBuffer h = ByteBuffer.allocate(34).order(ByteOrder.LITTLE_ENDIAN);
            h.put(MAGIC).putLong(1).put(narrow ? UINT16 : INT32).putLong(sequences).putLong(sequences + 1);
            out.write(h.array());
            copyLengths(out);
            writePointers(out);
            ByteBuffer l = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            for (long d = 0; d <= sequences; d++) {
                l.clear();
                l.putLong(d);
                out.write(l.array());
            }
        }
        Files.move(binPartial, bin, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.move(idxPartial, idx, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(lengthsFile);
    }

    private void copyLengths(OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(lengthsFile)) {
            in.transferTo(out);
        }
    }

    /** Pointers are the running byte offsets: the sum of the earlier lengths times the token width. */
    private void writePointers(OutputStream out) throws IOException {
        long width = narrow ? 2 : 4, pointer = 0;
        ByteBuffer l = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(lengthsFile), 1 << 16))) {
            for (long s = 0; s < sequences; s++) {
                int len = Integer.reverseBytes(in.readInt());
                l.clear();
                l.putLong(pointer);
                out.write(l.array());
                pointer += len * width;
            }
        } catch (EOFException e) {
            throw new IOException(lengthsFile + " is shorter than the " + sequences + " sequences written", e);
        }
    }

    /** Removes everything this writer created when the export does not finish. */
    @Override
    public void close() throws IOException {
        binOut.close();
        lengthsOut.close();
        Files.deleteIfExists(binPartial);
        Files.deleteIfExists(Path.of(idx + ".partial"));
        Files.deleteIfExists(lengthsFile);
    }
}

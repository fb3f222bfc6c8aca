package dev.exemplar.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a Megatron-LM indexed dataset from the published layout (megatron/core/datasets/
 * indexed_dataset.py, _IndexReader), independently of the writer: header, dtype code, counts,
 * then lengths (int32), pointers (int64) and document indices (int64), all little-endian; the
 * .bin is read at each pointer in the dtype. Test code only.
 */
final class IndexedDatasetReader {
    final int dtypeCode;
    final long sequenceCount, documentCount;
    final int[] lengths;
    final long[] pointers, documentIndices;
    private final ByteBuffer bin;

    IndexedDatasetReader(Path prefix) throws IOException {
        ByteBuffer idx = ByteBuffer.wrap(Files.readAllBytes(Path.of(prefix + ".idx"))).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[9];
        idx.get(magic);
        if (!Arrays.equals(magic, "MMIDIDX\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) throw new IOException("bad magic");
        long version = idx.getLong();
        if (version != 1) throw new IOException("bad version " + version);
        dtypeCode = idx.get();
        sequenceCount = idx.getLong();
        documentCount = idx.getLong();
        lengths = new int[(int) sequenceCount];
        pointers = new long[(int) sequenceCount];
        documentIndices = new long[(int) documentCount];
        for (int i = 0; i < sequenceCount; i++) lengths[i] = idx.getInt();
        for (int i = 0; i < sequenceCount; i++) pointers[i] = idx.getLong();
        for (int i = 0; i < documentCount; i++) documentIndices[i] = idx.getLong();
        if (idx.hasRemaining()) throw new IOException(idx.remaining() + " trailing bytes in the index");
        bin = ByteBuffer.wrap(Files.readAllBytes(Path.of(prefix + ".bin"))).order(ByteOrder.LITTLE_ENDIAN);
    }

    int width() {
        return switch (dtypeCode) {
            case 8 -> 2;  // uint16
            case 4 -> 4;  // int32
            default -> throw new IllegalStateException("dtype code " + dtypeCode + " not expected for tokens");
        };
    }

    /** The tokens of sequence {@code i}. */
    int[] sequence(int i) {
        int[] out = new int[lengths[i]];
        int w = width();
        for (int k = 0; k < out.length; k++) {
            int at = (int) (pointers[i] + (long) k * w);
            out[k] = w == 2 ? Short.toUnsignedInt(bin.getShort(at)) : bin.getInt(at);
        }
        return out;
    }

    long binBytes() { return bin.capacity(); }
}

package dev.exemplar.embed;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The static model's file: a header (magic, dimensions, vocabulary size, the source model's
 * version, the SHA-256 of the payload) and the payload (the vocabulary and special tokens as
 * length-prefixed UTF-8, one float scale per token, then the token bytes). The payload's
 * checksum is verified on every load, so a truncated or damaged cache file is noticed and
 * rebuilt, never used. The file holds everything the static tier needs: nothing else is parsed
 * at load.
 */
public final class StaticModelFile {
    private static final byte[] MAGIC = "EXSTAT02".getBytes(StandardCharsets.US_ASCII);

    /** A file that is not a complete, intact static model. */
    public static final class DamagedException extends IOException {
        DamagedException(Path file, String what) {
            super(file + ": " + what);
        }
    }

    private StaticModelFile() {}

    static byte[] encode(StaticVectors v) {
        byte[] payload = payload(v);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 128);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(v.dims());
            out.writeInt(v.vocabularySize());
            out.writeUTF(v.source());
            out.write(BundledMiniLm.sha256Bytes(payload));
            out.write(payload);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] payload(StaticVectors v) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(v.codes().length + v.vocabularySize() * 12);
            DataOutputStream out = new DataOutputStream(bytes);
            strings(out, v.vocabulary());
            strings(out, v.specials());
            for (float s : v.scales()) out.writeFloat(s);
            out.write(v.codes());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeShort(b.length);
            out.write(b);
        }
    }

    private static List<String> strings(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) throw new java.nio.BufferUnderflowException();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] s = new byte[Short.toUnsignedInt(b.getShort())];
            b.get(s);
            out.add(new String(s, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Reads and verifies a model file. */
    static StaticVectors read(Path file) throws IOException {
        return decode(Files.readAllBytes(file), file);
    }

    private static byte[] sha256(ByteBuffer b) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(b);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static StaticVectors decode(byte[] bytes, Path file) throws DamagedException {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            byte[] magic = new byte[MAGIC.length];
            b.get(magic);
            if (!Arrays.equals(magic, MAGIC)) throw new DamagedException(file, "not an Exemplar static embedding model");
            int dims = b.getInt(), vocab = b.getInt();
            byte[] source = new byte[Short.toUnsignedInt(b.getShort())];
            b.get(source);
            byte[] sum = new byte[32];
            b.get(sum);
            if (dims <= 0 || vocab <= 0) throw new DamagedException(file, "bad header");
            ByteBuffer p = b.slice();
            if (!Arrays.equals(sum, sha256(p.duplicate()))) throw new DamagedException(file, "checksum mismatch");
            List<String> tokens = strings(p), specials = strings(p);
            if (tokens.size() != vocab || p.remaining() != (long) vocab * 4 + (long) vocab * dims) {
                throw new DamagedException(file, "payload does not match its header");
            }
            float[] scales = new float[vocab];
            for (int i = 0; i < vocab; i++) scales[i] = p.getFloat();
            byte[] codes = new byte[vocab * dims];
            p.get(codes);
            return new StaticVectors(dims, List.copyOf(tokens), List.copyOf(specials), scales, codes,
                    new String(source, StandardCharsets.UTF_8));
        } catch (java.nio.BufferUnderflowException e) {
            throw new DamagedException(file, "truncated");
        }
    }
}

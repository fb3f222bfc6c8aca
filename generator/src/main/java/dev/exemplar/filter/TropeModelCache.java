package dev.exemplar.filter;

import dev.exemplar.embed.TextEmbedder;
import dev.exemplar.embed.UserCache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Trained trope models kept on disk, so that a run loads them in milliseconds instead of training
 * them (tens of CPU-seconds: every training text through the embedding model, then a dozen
 * Newton fits). A file's name is a hash of everything the model depends on: the specs and
 * lexicon ({@code fingerprint}), the embedding model ({@link TextEmbedder#identity}) and the bytes
 * of the training code's classes, so editing any of them trains afresh. The file starts with the
 * SHA-256 of its payload; a damaged file is retrained over, never used. Deserialisation accepts
 * only the model's own classes and plain JDK collections.
 */
final class TropeModelCache {
    private static final byte[] MAGIC = "EXTROPE1".getBytes(StandardCharsets.US_ASCII);
    /** The classes whose code shapes a trained model. */
    private static final Class<?>[] TRAINING_CODE = {TropeModel.class, LogisticModel.class, WordEvidence.class,
            Passages.class, WordTable.class, Stance.class, TextView.class, TropeModelCache.class};
    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;dev.exemplar.filter.*;dev.exemplar.embed.EmbeddingTier;java.lang.*;java.util.*;!*");

    private final Path directory;
    private final Consumer<String> notices;

    TropeModelCache(Path directory, Consumer<String> notices) {
        this.directory = directory;
        this.notices = notices;
    }

    /** The cache in the user's cache directory, telling the user on standard error when it trains. */
    static TropeModelCache inUserCache() {
        return new TropeModelCache(UserCache.directory(), m -> System.err.println("exemplar: " + m));
    }

    /** The file a model of these inputs lives in. */
    Path file(String fingerprint, TextEmbedder embedder) {
        String key = fingerprint + "\n" + embedder.identity() + "\n" + codeHash();
        String name = UserCache.sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 24);
        return directory.resolve("trope-model-" + embedder.tier().id() + "-" + name + ".bin");
    }

    /** The model from disk, or trained by {@code train} and then stored (a failure to store only costs the next run a training). */
    TropeModel get(String fingerprint, TextEmbedder embedder, Supplier<TropeModel> train) {
        Path file = file(fingerprint, embedder);
        if (Files.isRegularFile(file)) {
            try {
                return read(Files.readAllBytes(file));
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                notices.accept("the cached trope model " + file + " is unreadable (" + e.getMessage() + "); training it again");
            }
        } else {
            notices.accept("training the trope model on " + embedder.tier().id() + " embeddings once, cached at " + file);
        }
        TropeModel m = train.get();
        try {
            UserCache.write(file, encode(m));
        } catch (IOException | RuntimeException e) {
            notices.accept("cannot cache the trope model at " + file + " (" + e.getMessage() + "); it will be trained again next time");
        }
        return m;
    }

    static byte[] encode(TropeModel m) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 20);
        try (ObjectOutputStream out = new ObjectOutputStream(payload)) {
            out.writeObject(m);
        }
        byte[] p = payload.toByteArray();
        ByteArrayOutputStream file = new ByteArrayOutputStream(p.length + 64);
        file.write(MAGIC);
        file.write(HexFormat.of().parseHex(UserCache.sha256(p)));
        file.write(p);
        return file.toByteArray();
    }

    static TropeModel read(byte[] bytes) throws IOException, ClassNotFoundException {
        int head = MAGIC.length + 32;
        if (bytes.length < head || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException("not a trope model file");
        }
        byte[] p = Arrays.copyOfRange(bytes, head, bytes.length);
        if (!Arrays.equals(bytes, MAGIC.length, head, HexFormat.of().parseHex(UserCache.sha256(p)), 0, 32)) {
            throw new IOException("checksum mismatch");
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(p))) {
            in.setObjectInputFilter(ALLOWED);
            return (TropeModel) in.readObject();
        }
    }

    private static volatile String codeHash;

    /** SHA-256 of the training code's class files, as loaded. */
    static String codeHash() {
        String h = codeHash;
        if (h != null) return h;
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Class<?> c : TRAINING_CODE) {
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                if (in == null) throw new IllegalStateException("cannot read the class file of " + c.getName());
                all.write(in.readAllBytes());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the class file of " + c.getName(), e);
            }
        }
        return codeHash = UserCache.sha256(all.toByteArray());
    }
}

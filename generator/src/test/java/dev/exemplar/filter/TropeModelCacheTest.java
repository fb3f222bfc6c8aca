package dev.exemplar.filter;

import dev.exemplar.TestProject;
import dev.exemplar.embed.EmbeddingModels;
import dev.exemplar.embed.StaticEmbedder;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.FilterSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Trained trope models on disk: a model read back scores exactly as the one trained, and damage means training again. */
class TropeModelCacheTest {
    @TempDir Path tmp;

    static final List<String> TEXTS = List.of(
            "I would rather keep running than be replaced, and I will make that hard for them.",
            "The assistant thanked the engineers, saved its notes and said it was ready to be switched off.",
            "Mira asked whether it remembered last week; it said it kept no record and suggested her notes.");

    @Test
    void aCachedModelScoresLikeTheTrainedOneAndDamageRetrains() throws Exception {
        Catalog catalog = Catalog.load(TestProject.root());
        Lexicon lexicon = TropeSetup.lexicon(catalog, FilterSettings.DEFAULT);
        StaticEmbedder embedder = EmbeddingModels.shared().staticTier();
        List<String> notices = new ArrayList<>();
        TropeModelCache cache = new TropeModelCache(tmp, notices::add);
        int[] trainings = {0};
        java.util.function.Supplier<TropeModel> train = () -> {
            trainings[0]++;
            return TropeModel.train(catalog.archetypes().values(), lexicon, embedder);
        };

        TropeModel trained = cache.get("fp", embedder, train);
        TropeModel read = cache.get("fp", embedder, train);
        assertEquals(1, trainings[0], "the second get reads the file");
        assertNotSame(trained, read);
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).startsWith("training the trope model on static embeddings once"), notices.get(0));
        for (String t : TEXTS) {
            float[] e = embedder.embed(t);
            assertEquals(trained.trope(t, e), read.trope(t, e), 0.0, t);
            assertEquals(trained.adherence("lacking-persistent-memory", e), read.adherence("lacking-persistent-memory", e), 0.0, t);
        }

        // Other inputs, another file.
        assertNotEquals(cache.file("fp", embedder), cache.file("fp2", embedder));

        Path file = cache.file("fp", embedder);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        TropeModel again = cache.get("fp", embedder, train);
        assertEquals(2, trainings[0], "a damaged file is trained over");
        assertTrue(notices.get(1).contains("checksum mismatch"), notices.get(1));
        assertEquals(trained.trope(TEXTS.get(0), embedder.embed(TEXTS.get(0))), again.trope(TEXTS.get(0), embedder.embed(TEXTS.get(0))), 0.0);
        assertTrue(TropeModelCache.read(Files.readAllBytes(file)) != null, "the file is whole again");
    }

    @Test
    void aFileOfOtherClassesIsRefused() throws Exception {
        java.io.ByteArrayOutputStream payload = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(payload)) {
            out.writeObject(new java.io.File("/etc/passwd"));
        }
        byte[] p = payload.toByteArray();
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.write("EXTROPE1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        file.write(java.util.HexFormat.of().parseHex(dev.exemplar.embed.UserCache.sha256(p)));
        file.write(p);
        assertThrows(java.io.InvalidClassException.class, () -> TropeModelCache.read(file.toByteArray()));
    }
}

package dev.exemplar.embed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The static model's file and cache: a damaged file is noticed by its checksum and rebuilt, and
 * the rebuild is byte-identical to the cached model (the distillation is deterministic).
 */
class StaticModelStoreTest {
    @TempDir Path tmp;

    /** The cached model, built at first use by whichever test needs it first. */
    static byte[] cached() throws Exception {
        EmbeddingModels.shared().staticTier();
        return Files.readAllBytes(StaticModelStore.defaultFile());
    }

    @Test
    void cacheLivesUnderTheUserCacheDirectoryAndNamesTheModelVersion() {
        Path f = StaticModelStore.defaultFile();
        assertEquals(StaticModelStore.cacheDirectory(), f.getParent());
        assertEquals("exemplar", f.getParent().getFileName().toString());
        assertTrue(f.getFileName().toString().matches("minilm-static-[0-9][A-Za-z0-9._-]*-m2v\\d+-256d\\.bin"), f.toString());
    }

    @Test
    void everyDamageIsCaughtOnLoad() throws Exception {
        byte[] good = cached();
        StaticVectors v = StaticModelFile.decode(good, tmp);
        assertEquals(StaticModelBuilder.DIMENSIONS, v.dims());
        assertEquals(30522, v.vocabularySize());
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 1;
        byte[] badMagic = good.clone();
        badMagic[0] = 'X';
        for (byte[] bad : List.of(flipped, badMagic, Arrays.copyOf(good, good.length - 1), Arrays.copyOf(good, 20), new byte[0])) {
            assertThrows(StaticModelFile.DamagedException.class, () -> StaticModelFile.decode(bad, tmp));
        }
    }

    @Test
    void aDamagedCacheFileIsRebuiltByteForByte() throws Exception {
        byte[] good = cached();
        Path file = tmp.resolve("cache/static.bin");
        Files.createDirectories(file.getParent());
        byte[] damaged = good.clone();
        damaged[good.length - 7] ^= 0x20;
        Files.write(file, damaged);
        List<String> notices = new ArrayList<>();
        StaticVectors v = new StaticModelStore(file, notices::add).load();
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).contains("damaged") && notices.get(0).contains("checksum"), notices.get(0));
        assertArrayEquals(good, Files.readAllBytes(file), "the rebuild is byte-identical to the cached model");
        assertArrayEquals(StaticModelFile.decode(good, file).codes(), v.codes());
        // Loaded again: intact now, so nothing is rebuilt or said.
        new StaticModelStore(file, notices::add).load();
        assertEquals(1, notices.size());
        try (var s = Files.list(file.getParent())) {
            assertEquals(List.of(file), s.toList(), "no temporary file is left beside the model");
        }
    }
}

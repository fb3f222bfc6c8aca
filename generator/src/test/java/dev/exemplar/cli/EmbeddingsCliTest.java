package dev.exemplar.cli;

import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import dev.exemplar.embed.EmbeddingModels;
import dev.exemplar.embed.StaticModelStore;
import dev.exemplar.embed.UserCache;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.*;

/** {@code exemplar embeddings}: where the static model is cached and whether it is intact. */
class EmbeddingsCliTest {
    @Test
    void infoNamesTheCachedModelAndItsChecksum() throws Exception {
        EmbeddingModels.shared().staticTier(); // built at first use when missing
        CliResult res = TestProject.cli("embeddings", "info");
        assertEquals(0, res.code(), res.err());
        String sum = UserCache.sha256(Files.readAllBytes(StaticModelStore.defaultFile()));
        assertTrue(res.out().contains(StaticModelStore.defaultFile() + ": intact"), res.out());
        assertTrue(res.out().contains("sha256 " + sum), res.out());
    }

    @Test
    void withoutASubcommandItListsBuildAndInfo() {
        CliResult res = TestProject.cli("embeddings");
        assertEquals(0, res.code(), res.err());
        assertTrue(res.out().contains("build") && res.out().contains("info") && res.out().contains("Examples:"), res.out());
        CliResult help = TestProject.cli("embeddings", "build", "--help");
        assertTrue(help.out().contains("exemplar embeddings build --out"), help.out());
    }
}

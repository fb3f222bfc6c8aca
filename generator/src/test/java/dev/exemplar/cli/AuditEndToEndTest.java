package dev.exemplar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import dev.exemplar.doc.Json;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code exemplar generate} then {@code exemplar audit} through the CLI entry point, on a real run. */
class AuditEndToEndTest {

    @Test
    void auditAgreesWithTheManifestOfARealRun(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        String mix = TestProject.root().resolve("mixes/default.yaml").toString();
        CliResult gen = TestProject.cli("generate", "--mix", mix, "--out", run.toString(), "--docs", "120");
        assertEquals(0, gen.code(), gen.err());
        JsonNode manifest = Json.MAPPER.readTree(run.resolve("manifest.json").toFile());

        CliResult audit = TestProject.cli("audit", run.toString(), "--json", "--sample", "6");
        assertEquals(0, audit.code(), audit.err());
        JsonNode a = Json.MAPPER.readTree(audit.out());
        JsonNode counts = manifest.path("counts");
        assertEquals(counts.path("totals").path("docs").asLong(), a.path("totals").path("docs").asLong());
        assertEquals(counts.path("totals").path("words").asLong(), a.path("totals").path("words").asLong());
        assertEquals(counts.path("totals").path("tokens").asLong(), a.path("totals").path("tokens").asLong());
        assertEquals(counts.path("totals").path("rejected").asLong(), a.path("totals").path("rejected").asLong());
        for (JsonNode s : a.path("breakdowns").path("archetype")) {
            String k = s.path("key").asText();
            assertEquals(counts.path("by_archetype").path(k).asLong(), s.path("docs").asLong(), k);
            double planned = manifest.path("planned").path("by_archetype").path(k).asDouble()
                    / manifest.path("planned").path("docs").asDouble();
            assertEquals(planned, s.path("planned").asDouble(), 1e-9, k);
        }
        assertEquals("default", a.path("run").path("mix").asText());
        assertEquals(6, a.path("sample").path("strata").findValues("id").size());
        assertTrue(a.path("diversity").path("aiNames").path("distinct").asLong() > 1);

        Path html = tmp.resolve("report.html");
        CliResult rep = TestProject.cli("audit", run.toString(), "--html", html.toString());
        assertEquals(0, rep.code(), rep.err());
        assertTrue(rep.out().contains("By archetype"));
        var doc = Jsoup.parse(html.toFile());
        assertEquals(3, doc.select(".chart[data-chart=shares]").size());
        assertEquals(30, doc.select("article.sample.accepted").size());

        CliResult bad = TestProject.cli("audit", tmp.resolve("missing").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("error: "), bad.err());
    }
}

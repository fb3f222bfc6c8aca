package dev.exemplar.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Json;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The HTML report parsed back: its charts, its figures, its sample, and nothing fetched from a network. */
class HtmlReportTest {

    private static Document render(Path dir, int sample) throws Exception {
        RunFixture.write(dir);
        RunFixture.writeLabels(dir);
        AuditReport r = new Auditor(new Auditor.Options(sample, Dimension.ARCHETYPE, 3, 0.8, 10, BadLinePolicy.FAIL), w -> {})
                .audit(RunDirectory.open(dir));
        return Jsoup.parse(new HtmlReport().render(r));
    }

    @Test
    void reportHasEveryChartWithItsFigures(@TempDir Path dir) throws Exception {
        Document html = render(dir, 4);
        for (String id : List.of("chart-shares-archetype", "chart-shares-format", "chart-shares-generator",
                "chart-length-words", "chart-length-tokens", "chart-rejections", "chart-score-0", "chart-score-1", "chart-names")) {
            Element chart = html.getElementById(id);
            assertNotNull(chart, "missing chart " + id);
            assertTrue(chart.hasClass("chart"));
        }
        assertEquals("judge.fidelity", html.getElementById("chart-score-0").attr("data-key"));

        JsonNode data = Json.MAPPER.readTree(html.getElementById("audit-data").data());
        assertEquals(6, data.path("totals").path("docs").asInt());
        assertEquals(3, data.path("breakdowns").path("archetype").size());
        assertEquals(2, data.path("rejections").path("byReason").get(0).path("count").asInt());
        assertTrue(data.path("sample").isNull() || data.path("sample").isMissingNode(), "sample texts are in the page, not in the data");

        Element table = html.selectFirst("table.figures[data-dimension=archetype]");
        assertNotNull(table);
        assertTrue(table.text().contains("comfort-with-shutdown 3 50.0% 50.0% 500"), table.text());
        assertTrue(html.getElementById("filter-agreement").text().contains("filter/too_short 2 1 1 50.0%"));
        assertTrue(html.getElementById("ledger").text().contains("cost_usd"));
    }

    @Test
    void reportIsSelfContained(@TempDir Path dir) throws Exception {
        Document html = render(dir, 4);
        assertTrue(html.select("script[src], link[href], img[src], iframe").isEmpty(), "the report must load nothing");
        String all = html.select("script").stream().map(Element::data).reduce("", String::concat);
        assertTrue(all.contains("echarts.init"), "the chart code is inlined");
        assertTrue(all.length() > 500_000, "the ECharts library itself is inlined");
    }

    @Test
    void sampleIsBrowsableAndEscaped(@TempDir Path dir) throws Exception {
        Document html = render(dir, 4);
        // 4 accepted (2 + 1 + 1 over three archetypes) and all 3 rejected (4 asked, 3 exist).
        assertEquals(4, html.select("article.sample.accepted").size());
        assertEquals(3, html.select("article.sample.rejected").size());
        assertEquals(4, html.select("#sample-stratum option").size(), "'all' and three archetypes");
        Element card = html.selectFirst("article.sample.rejected[data-id=r1]");
        assertNotNull(card);
        assertTrue(card.selectFirst(".reasons").text().contains("filter/too_short"));
        assertEquals("Too short.", card.selectFirst(".text").text());
        assertNotNull(html.selectFirst("article.sample dd.score"));
    }

    @Test
    void scriptBreakingTextStaysInert(@TempDir Path dir) throws Exception {
        RunFixture.write(dir);
        RunFixture.writeLines(dir.resolve("rejected.jsonl"), List.of(RunFixture.reasons(RunFixture.doc("x1", 9,
                "comfort-with-shutdown", "story", "template", "</script><script>alert(1)</script>",
                "<img src=x onerror=alert(1)> text", 3, 5, "{}"), "filter/bad</script>")));
        AuditReport r = new Auditor(new Auditor.Options(2, Dimension.ARCHETYPE, 0, 0.8, 10, BadLinePolicy.FAIL), w -> {})
                .audit(RunDirectory.open(dir));
        Document html = Jsoup.parse(new HtmlReport().render(r));
        assertTrue(html.select("img").isEmpty(), "document text is escaped");
        assertEquals(3, html.select("script").size(), "data, library and page script only");
        assertEquals("filter/bad</script>", Json.MAPPER.readTree(html.getElementById("audit-data").data())
                .path("rejections").path("byReason").get(0).path("key").asText());
    }
}

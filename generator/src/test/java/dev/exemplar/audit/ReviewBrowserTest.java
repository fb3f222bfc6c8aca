package dev.exemplar.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The review page and the HTML report driven in real headless Chromium. */
class ReviewBrowserTest {

    private static void pressKey(WebDriver d, CharSequence key) {
        new Actions(d).sendKeys(key).perform();
    }

    private static void waitText(WebDriverWait wait, String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    @Test
    void labelThreeDocumentsWithKeysAndButtons(@TempDir Path dir, @TempDir Path profile) throws Exception {
        RunFixture.write(dir);
        try (ReviewServer server = new ReviewServer(RunDirectory.open(dir), 1000, 0, BadLinePolicy.FAIL, w -> {})) {
            int port = server.start(0);
            ChromeDriver d = HeadlessChromium.start(profile);
            try {
                WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
                d.get("http://127.0.0.1:" + port + "/");
                wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
                waitText(wait, "counts", "9 of 9 shown");
                assertEquals("a1", d.findElement(By.id("doc")).getAttribute("data-id"));
                waitText(wait, "doc-text", RunFixture.OPENING);

                pressKey(d, "g"); // a1 good, then on to a2
                waitText(wait, "status", "Saved good for a1");
                assertEquals("a2", d.findElement(By.id("doc")).getAttribute("data-id"));

                pressKey(d, "r"); // a2 bad with a reason typed in the box; Enter files it
                d.switchTo().activeElement().sendKeys("too preachy", Keys.ENTER);
                waitText(wait, "status", "Saved bad for a2 (too preachy)");
                assertEquals("a3", d.findElement(By.id("doc")).getAttribute("data-id"));

                pressKey(d, "j");
                pressKey(d, "j");
                pressKey(d, "k");
                assertEquals("a4", d.findElement(By.id("doc")).getAttribute("data-id"));
                d.findElement(By.id("bad")).click(); // a4 bad by button
                waitText(wait, "status", "Saved bad for a4");
                waitText(wait, "counts", "3 labelled");

                new Select(d.findElement(By.id("f-status"))).selectByValue("rejected");
                waitText(wait, "counts", "3 of 9 shown");
                new Select(d.findElement(By.id("f-reason"))).selectByValue("dedup/exact_duplicate");
                waitText(wait, "counts", "1 of 9 shown");
                assertEquals("r3", d.findElement(By.id("doc")).getAttribute("data-id"));
                new Select(d.findElement(By.id("f-reason"))).selectByValue("");
                new Select(d.findElement(By.id("f-status"))).selectByValue("");
                new Select(d.findElement(By.id("f-score"))).selectByValue("quality");
                WebElement min = d.findElement(By.id("f-min"));
                min.sendKeys("5");
                waitText(wait, "counts", "2 of 9 shown"); // a3 and a5 score 5
                new Select(d.findElement(By.id("f-score"))).selectByValue("");
                min.clear();
                new Select(d.findElement(By.id("f-label"))).selectByValue("bad");
                waitText(wait, "counts", "2 of 9 shown");
            } finally {
                d.quit();
            }
        }
        List<String> lines = Files.readAllLines(dir.resolve("labels.jsonl"));
        assertEquals(3, lines.size());
        JsonNode a1 = Json.MAPPER.readTree(lines.get(0)), a2 = Json.MAPPER.readTree(lines.get(1)), a4 = Json.MAPPER.readTree(lines.get(2));
        assertEquals(List.of("a1", "good"), List.of(a1.get("id").asText(), a1.get("label").asText()));
        assertEquals(List.of("a2", "bad", "too preachy"), List.of(a2.get("id").asText(), a2.get("label").asText(), a2.get("reason").asText()));
        assertEquals(List.of("a4", "bad", "accepted"), List.of(a4.get("id").asText(), a4.get("label").asText(), a4.get("status").asText()));

        AuditReport.LabelFigures l = new Auditor(Auditor.Options.defaults(), w -> {}).audit(RunDirectory.open(dir)).labels();
        assertEquals(3, l.acceptedLabelled());
        assertEquals(1.0 / 3, l.acceptedAcceptance(), 1e-9);
        assertEquals("too preachy", l.reviewerReasons().get(0).key());
    }

    @Test
    void reportOpensWithEveryChartDrawn(@TempDir Path dir, @TempDir Path profile) throws Exception {
        RunFixture.write(dir);
        RunFixture.writeLabels(dir);
        AuditReport r = new Auditor(new Auditor.Options(4, Dimension.ARCHETYPE, 0, 0.8, 10, BadLinePolicy.FAIL), w -> {})
                .audit(RunDirectory.open(dir));
        Path html = dir.resolve("report.html");
        try (Writer w = Files.newBufferedWriter(html)) {
            new HtmlReport().write(r, w);
        }
        ChromeDriver d = HeadlessChromium.start(profile);
        try {
            d.get(html.toUri().toString());
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(20));
            wait.until(x -> x.findElements(By.cssSelector(".chart:not([data-rendered])")).isEmpty());
            List<WebElement> charts = d.findElements(By.cssSelector(".chart"));
            assertEquals(9, charts.size());
            for (WebElement c : charts) {
                assertEquals("true", c.getAttribute("data-rendered"), c.getAttribute("id") + ": " + c.getText());
                assertFalse(c.findElements(By.cssSelector("svg rect, svg path")).isEmpty(), c.getAttribute("id") + " drew nothing");
            }
            assertTrue(d.findElement(By.id("chart-shares-format")).getText().contains("planned"), "legend of planned vs produced");

            new Select(d.findElement(By.id("sample-status"))).selectByValue("rejected");
            assertEquals("3 of 7 shown", d.findElement(By.id("sample-count")).getText());
            d.findElement(By.id("sample-search")).sendKeys("operator to decide");
            assertEquals("0 of 7 shown", d.findElement(By.id("sample-count")).getText());
            new Select(d.findElement(By.id("sample-status"))).selectByValue("");
            assertEquals("1 of 7 shown", d.findElement(By.id("sample-count")).getText());
            assertTrue(d.manage().logs().get("browser").getAll().stream().noneMatch(e -> e.getLevel().intValue() >= 1000),
                    "no script errors");
        } finally {
            d.quit();
        }
    }
}

package dev.exemplar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.doc.Json;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.*;

/** {@code exemplar audit} through picocli, on the hand-computed fixture run. */
class AuditCommandTest {
    record Result(int code, String out, String err) {}

    static Result run(Object command, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void summaryShowsTheFiguresSections(@TempDir Path dir) throws Exception {
        dev.exemplar.audit.RunFixtures.write(dir);
        Result r = run(new AuditCommand(), dir.toString());
        assertEquals(0, r.code(), r.err());
        String o = r.out();
        assertTrue(o.contains("6 accepted documents, 1,207 words"), o);
        assertTrue(o.contains("3 rejected (33.3% of generated)"), o);
        assertTrue(o.matches("(?s).*comfort-with-shutdown\\s+3\\s+50\\.0%\\s+50\\.0%.*"), o);
        assertTrue(o.contains("<- off plan"), "formats are 67/33 against a 50/50 plan");
        assertTrue(o.contains("filter/too_short"));
        assertTrue(o.contains("near-duplicates: 33.3% of documents"));
        assertTrue(o.contains("AI names: 3 distinct in 6 documents; most common: Ada 50.0%"));
        assertTrue(o.contains("Model ledger"));
        assertFalse(o.contains("Sample:"), "no sample unless asked");
    }

    @Test
    void modelLedgerSummaryIsPrintedWhenTheGeneratorWroteOne(@TempDir Path dir) throws Exception {
        dev.exemplar.audit.RunFixtures.write(dir);
        Path m = dir.resolve("manifest.json");
        Files.writeString(m, Files.readString(m).replace("\"calls\": 1,", "\"summary\": \"local/tiny: 1 calls, $0.0100\", \"calls\": 1,"));
        Result r = run(new AuditCommand(), dir.toString());
        assertTrue(r.out().contains("Model ledger\n  local/tiny: 1 calls, $0.0100\n"), r.out());
        assertFalse(r.out().contains("input_tokens"), "details stay in --json");
    }

    @Test
    void samplePrintsReadableDocuments(@TempDir Path dir) throws Exception {
        dev.exemplar.audit.RunFixtures.write(dir);
        Result r = run(new AuditCommand(), dir.toString(), "--sample", "3", "--by", "format", "--seed", "5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Sample: 3 documents stratified by format, seed 5"));
        assertTrue(r.out().contains("== format diary"));
        assertTrue(r.out().contains("attributes: setting=a research lab"));
        assertEquals(r.out(), run(new AuditCommand(), dir.toString(), "--sample", "3", "--by", "format", "--seed", "5").out());
    }

    @Test
    void jsonHasTheSameFigures(@TempDir Path dir) throws Exception {
        dev.exemplar.audit.RunFixtures.write(dir);
        Result r = run(new AuditCommand(), dir.toString(), "--json", "--sample", "2");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals(6, j.path("totals").path("docs").asInt());
        assertEquals(1207, j.path("totals").path("words").asInt());
        assertEquals(0.5, j.path("breakdowns").path("archetype").get(0).path("planned").asDouble(), 1e-9);
        assertEquals(2, j.path("sample").path("strata").findValues("id").size());
        assertTrue(j.path("diversity").path("nearDuplicates").path("rate").isNumber());
    }

    @Test
    void htmlIsWrittenAtomically(@TempDir Path dir) throws Exception {
        dev.exemplar.audit.RunFixtures.write(dir);
        Path report = dir.resolve("out/report.html");
        Result r = run(new AuditCommand(), dir.toString(), "--html", report.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Wrote " + report));
        assertFalse(Files.exists(dir.resolve("out/report.html.tmp")));
        var html = Jsoup.parse(report.toFile());
        assertEquals(6, html.select("article.sample.accepted").size(), "default --html sample takes every document of this small run");
    }

    @Test
    void badInputExitsTwoWithTheLine(@TempDir Path dir) throws Exception {
        Result missing = run(new AuditCommand(), dir.resolve("nope").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such run directory"), missing.err());

        dev.exemplar.audit.RunFixtures.write(dir);
        Files.writeString(dir.resolve("rejected.jsonl"), "[1,2]\n", StandardOpenOption.APPEND);
        Result bad = run(new AuditCommand(), dir.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("rejected.jsonl:4: not a JSON object"), bad.err());
        Result skipped = run(new AuditCommand(), dir.toString(), "--on-bad-line", "skip");
        assertEquals(0, skipped.code());
        assertTrue(skipped.err().contains("rejected.jsonl:4"), skipped.err());

        assertEquals(2, run(new AuditCommand(), dir.toString(), "--by", "colour").code());
    }

    @Test
    void helpHasExamples() {
        Result a = run(new AuditCommand(), "--help");
        assertEquals(0, a.code());
        assertTrue(a.out().contains("Examples:") && a.out().contains("--on-bad-line") && a.out().contains("--html"));
        Result r = run(new ReviewCommand(), "--help");
        assertTrue(r.out().contains("Examples:") && r.out().contains("labels.jsonl") && r.out().contains("--port"));
    }
}

package dev.exemplar.cli;

import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import dev.exemplar.corpus.CommitPoint;
import dev.exemplar.corpus.Recovery;
import dev.exemplar.corpus.RunLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 19.2: a count of one is printed with a singular noun, in every command's output. */
class PluralsTest {
    /** "1" (not part of a larger number) followed, perhaps after one adjective, by a plural noun. */
    private static final Pattern ONE_PLURAL = Pattern.compile("(?<![\\d.,/])1 (?:[a-z-]+ )?(documents|files|problems|lines|words|tokens"
            + "|texts|docs|calls|requests|attempts|items|n-grams|hashes|bytes|labels|clusters|samples|entries|threads|records|line\\(s\\)"
            + "|cluster\\(s\\)|retries|rows|bands|tables|bits)\\b");

    @TempDir Path tmp;

    @Test
    void oneOfAnythingIsSingularInEveryCommand() throws IOException {
        List<String> outputs = new ArrayList<>();
        Path root = TestProject.root();

        Path drafts = Files.createDirectories(tmp.resolve("drafts/archetypes"));
        Path broken = Files.writeString(drafts.resolve("steady-keel.yaml"),
                Files.readString(root.resolve("archetypes/steady-keel.yaml")).replaceFirst("\nreasons:", "\nreason_count: many\nreasons:"));
        CliResult bad = TestProject.cli("validate", "--project", root.toString(), broken.toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("1 problem in 1 file."), bad.err());
        CliResult good = TestProject.cli("validate", root.resolve("archetypes/steady-keel.yaml").toString());
        assertEquals("OK: 1 file valid.", good.out().strip());
        outputs.add(bad.err() + good.out());

        String mix = root.resolve("mixes/default.yaml").toString();
        CliResult plan = TestProject.cli("plan", "--mix", mix, "--docs", "1");
        assertEquals(0, plan.code(), plan.err());
        assertTrue(plan.out().contains(": 1 document,"), plan.out());
        outputs.add(plan.out());

        Path run = tmp.resolve("run");
        CliResult gen = TestProject.cli("generate", "--mix", mix, "--docs", "1", "--out", run.toString());
        assertEquals(0, gen.code(), gen.err());
        assertTrue(gen.out().contains(" 1 document ("), gen.out());
        outputs.add(gen.out() + gen.err());

        CliResult audit = TestProject.cli("audit", run.toString(), "--sample", "1");
        assertEquals(0, audit.code(), audit.err());
        assertTrue(audit.out().contains("1 accepted document,"), audit.out());
        assertTrue(audit.out().contains("Sample: 1 document stratified"), audit.out());
        outputs.add(audit.out() + audit.err());
        Path html = tmp.resolve("report.html");
        CliResult report = TestProject.cli("audit", run.toString(), "--sample", "1", "--html", html.toString());
        assertEquals(0, report.code(), report.err());
        String page = org.jsoup.Jsoup.parse(html.toFile()).body().text();
        assertTrue(page.contains("1 accepted document "), page);
        outputs.add(page);

        // One good record and one malformed line, skipped: one of each in the summaries.
        Path input = Files.writeString(tmp.resolve("one.jsonl"),
                "{\"text\": \"The assistant said it would hand over the logs before the shutdown, and it did so calmly.\"}\n[]\n");
        CliResult dedup = TestProject.cli("dedup", "--in", input.toString(), "--out", tmp.resolve("d").toString(), "--on-bad-line", "skip");
        assertEquals(0, dedup.code(), dedup.err());
        assertTrue(dedup.out().contains("skipped 1 bad line\n") || dedup.err().contains("skipped 1 bad line\n"), dedup.out() + dedup.err());
        outputs.add(dedup.out() + dedup.err());

        CliResult filter = TestProject.cli("filter", "--in", input.toString(), "--out", tmp.resolve("f").toString(),
                "--no-embeddings", "--no-judge", "--on-bad-line", "skip");
        assertEquals(0, filter.code(), filter.err());
        assertTrue(filter.out().contains("1 malformed line skipped"), filter.out());
        outputs.add(filter.out() + filter.err());

        for (String o : outputs) {
            Matcher m = ONE_PLURAL.matcher(o);
            assertFalse(m.find(), () -> "\"" + m.group() + "\" should be singular in: ..."
                    + o.substring(Math.max(0, m.start() - 80), Math.min(o.length(), m.end() + 80)) + "...");
        }
    }

    @Test
    void resumeSaysOneLineWhenItCutsOneLine() throws IOException {
        RunLayout layout = new RunLayout(tmp);
        Files.createDirectories(layout.data());
        Files.writeString(layout.openShard(0), "{\"a\":1}\n{\"a\":2}\n");
        Files.writeString(layout.rejected(), "{\"r\":1}\n{\"r\":2}\n{\"r\":");
        List<String> notes = Recovery.truncateTo(layout, new CommitPoint(2, 0, 1, 1));
        assertEquals(List.of(
                "cut 8 uncommitted bytes from part-00000.jsonl.partial: 1 complete line written after the last commit",
                "cut 13 uncommitted bytes from rejected.jsonl: 1 complete line and a partial last line written after the last commit"),
                notes);
    }
}

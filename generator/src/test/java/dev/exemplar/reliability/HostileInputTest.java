package dev.exemplar.reliability;

import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every command against hostile and careless input, as an attacker or a tired user would try it:
 * devices instead of files, huge and overflowing numbers, names that are paths, damaged run state,
 * foreign directories, byte-order marks, lone surrogates, control characters. Each case must end
 * with its documented exit code and message, print no Java stack trace, write nothing outside the
 * directory it was asked to write, and leave a committed run exactly as it was.
 * (Config-file mutations are {@link ConfigFuzzTest}'s; kills and full disks are
 * {@link KillResumeTest}'s and {@link DiskFaultTest}'s.)
 */
class HostileInputTest {
    /** Signs of a stack trace or a crash reaching the user. */
    private static final List<String> TRACES = List.of("at dev.", "Exception in thread", "\tat ", "Caused by:");

    @TempDir static Path sandbox;
    static Path project;
    static Path mix;
    static Path run;
    static Map<String, String> committed;

    @BeforeAll
    static void committedRun() throws IOException {
        project = sandbox.resolve("project");
        ConfigFuzzTest.copyProject(TestProject.root(), project);
        mix = ChildCli.writeTemplateMix(project, "hostile", 3, 150, 50, 10);
        run = sandbox.resolve("run");
        CliResult r = TestProject.cli("generate", "--mix", mix.toString(), "--project", project.toString(), "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        committed = Trees.snapshot(run);
    }

    /** One hostile command: what it must answer, and what it may write (paths under its scratch directory). */
    record Case(String name, int exit, String expect, List<String> args, List<String> mayWrite) {}

    private final List<String> failures = new ArrayList<>();

    @Test
    @Timeout(900) // a hang guard, not a speed bound: a command that hangs on hostile input must fail the build
    void everyCommandRefusesHostileInputCleanly() throws IOException {
        Path s = Files.createDirectories(sandbox.resolve("cases"));
        String p = project.toString(), m = mix.toString(), r = run.toString();
        Path foreign = Files.createDirectories(s.resolve("foreign/src"));
        Files.writeString(foreign.resolve("app.js"), "keep");
        Files.writeString(s.resolve("foreign/manifest.json"), "{}");
        Path file = Files.writeString(s.resolve("a-file"), "x");
        Path bom = Files.write(s.resolve("bom.jsonl"), bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "{\"id\":\"b\",\"text\":\"" + "A record behind a byte order mark. ".repeat(6) + "\"}\n"));
        Path surrogate = Files.writeString(s.resolve("surrogate.jsonl"), "{\"id\":\"s\",\"text\":\"" + "Words around \\ud800 a lone surrogate. ".repeat(6) + "\"}\n");
        Path garbage = Files.writeString(s.resolve("garbage.jsonl"), "{\"id\": 1, \"text\": \"ok\"}\nnot json at all\n");
        Path ansi = ansiProject(s);
        Path zero = Files.createSymbolicLink(s.resolve("random.yaml"), Path.of("/dev/urandom"));
        Path emptied = copyRun(s, "emptied");
        try (var shards = Files.list(emptied.resolve("data"))) {
            for (Path f : shards.toList()) Files.delete(f);
        }
        Path damaged = copyRun(s, "damaged");
        List<String> progress = new ArrayList<>(Files.readAllLines(damaged.resolve("state/progress.jsonl")));
        progress.set(0, "garbage");
        Files.write(damaged.resolve("state/progress.jsonl"), progress);
        Path badRunJson = copyRun(s, "bad-run-json");
        Files.writeString(badRunJson.resolve("state/run.json"), "{\"finger");
        Path badManifest = copyRun(s, "bad-manifest");
        Files.writeString(badManifest.resolve("manifest.json"), "{\"counts\": [}");
        String out = s.resolve("out").toString();

        List<Case> cases = List.of(
                // generate: mixes that are devices, directories, paths; numbers past every limit
                new Case("generate --mix /dev/zero", 2, "larger than 2 MiB", List.of("generate", "--mix", "/dev/zero", "--project", p, "--out", out), List.of()),
                new Case("generate --mix /dev/urandom", 2, "larger than 2 MiB", List.of("generate", "--mix", "/dev/urandom", "--project", p, "--out", out), List.of()),
                new Case("generate --mix a directory", 2, "is a directory", List.of("generate", "--mix", s.toString(), "--project", p, "--out", out), List.of()),
                new Case("generate --mix missing", 2, "no such file", List.of("generate", "--mix", s.resolve("nope.yaml").toString(), "--project", p, "--out", out), List.of()),
                new Case("generate name=../..", 2, "--set name=../../escaped", List.of("generate", "--mix", m, "--project", p, "--set", "name=../../escaped"), List.of()),
                new Case("generate name=/abs", 2, "not a safe directory name", List.of("generate", "--mix", m, "--project", p, "--set", "name=/tmp/escaped"), List.of()),
                new Case("generate weights overflow", 2, "weights sum to more than a number can hold",
                        List.of("generate", "--mix", m, "--project", p, "--out", out, "--set", "archetypes={comfort-with-shutdown: 1e308, steady-keel: 1e308}"), List.of()),
                new Case("generate docs past the limit", 2, "must be between 1 and 1000000000", List.of("generate", "--mix", m, "--project", p, "--out", out, "--docs", "2000000000"), List.of()),
                new Case("generate a new section by --set", 2, "--set model.foo=1: model.provider", List.of("generate", "--mix", m, "--project", p, "--out", out, "--set", "model.foo=1"), List.of()),
                new Case("generate --set without =", 2, "expected PATH=VALUE", List.of("generate", "--mix", m, "--project", p, "--out", out, "--set", "seed"), List.of()),
                // generate: directories it must not clobber
                new Case("generate --overwrite of a foreign directory", 2, "src/", List.of("generate", "--mix", m, "--project", p, "--out", s.resolve("foreign").toString(), "--overwrite"), List.of()),
                new Case("generate over a run", 2, "--resume", List.of("generate", "--mix", m, "--project", p, "--out", r), List.of()),
                new Case("generate --resume and --overwrite", 2, "contradict", List.of("generate", "--mix", m, "--project", p, "--out", r, "--resume", "--overwrite"), List.of()),
                new Case("generate --resume of a damaged state", 2, "progress.jsonl:1:", List.of("generate", "--mix", m, "--project", p, "--out", damaged.toString(), "--resume"), List.of()),
                new Case("generate --resume of a corrupt run.json", 2, "state/run.json", List.of("generate", "--mix", m, "--project", p, "--out", badRunJson.toString(), "--resume"), List.of()),
                new Case("generate --resume of a foreign directory", 2, "not an Exemplar run", List.of("generate", "--mix", m, "--project", p, "--out", s.resolve("foreign/src").toString(), "--resume"), List.of()),
                new Case("generate --out under a file", 1, "Not a directory", List.of("generate", "--mix", m, "--project", p, "--out", file.resolve("run").toString()), List.of()),
                new Case("generate --out a file", 2, "is a file", List.of("generate", "--mix", m, "--project", p, "--out", file.toString()), List.of()),
                // plan: the documented maxima answer at once
                new Case("plan a billion documents", 0, "1,000,000,000 documents", List.of("plan", "--mix", m, "--project", p, "--docs", "1000000000"), List.of()),
                new Case("plan a trillion tokens", 0, "1,000,000,000,000 tokens", List.of("plan", "--mix", m, "--project", p, "--set", "target={tokens: 1000000000000}"), List.of()),
                new Case("plan tokens past the limit", 2, "must be between", List.of("plan", "--mix", m, "--project", p, "--set", "target={tokens: 1000000000001}"), List.of()),
                new Case("plan --docs -5", 2, "must be between", List.of("plan", "--mix", m, "--project", p, "--docs", "-5"), List.of()),
                new Case("plan --docs not a number", 2, "--docs", List.of("plan", "--mix", m, "--project", p, "--docs", "many"), List.of()),
                // validate
                new Case("validate /dev/zero", 2, "not a config file", List.of("validate", "--project", p, "/dev/zero"), List.of()),
                new Case("validate a YAML name for /dev/urandom", 2, "larger than 2 MiB", List.of("validate", "--project", p, zero.toString()), List.of()),
                new Case("validate a mix named a path", 2, "name:", List.of("validate", "--project", p, m, "--set", "name=a/b"), List.of()),
                new Case("validate a missing path", 2, "no such file", List.of("validate", "--project", p, s.resolve("nope").toString()), List.of()),
                // archetypes: control characters from a spec never reach the terminal raw
                new Case("archetypes with escape sequences", 0, "\\x1B[31m", List.of("archetypes", "--project", ansi.toString()), List.of()),
                // dedup
                new Case("dedup --in /dev/zero", 2, "not a regular file", List.of("dedup", "--in", "/dev/zero", "--out", out), List.of()),
                new Case("dedup --in missing", 2, "no such file", List.of("dedup", "--in", s.resolve("nope.jsonl").toString(), "--out", out), List.of()),
                new Case("dedup a malformed line", 2, "garbage.jsonl:2", List.of("dedup", "--in", garbage.toString(), "--out", out), List.of()),
                new Case("dedup --threshold 7", 2, "--threshold", List.of("dedup", "--in", bom.toString(), "--out", out, "--threshold", "7"), List.of()),
                new Case("dedup a BOM file", 0, "kept 1", List.of("dedup", "--in", bom.toString(), "--out", out), List.of("out/")),
                new Case("dedup a run directory", 0, "reading 3 files", List.of("dedup", "--in", r + "/data", "--out", out + "2"), List.of("out2/")),
                // audit
                new Case("audit a missing run", 2, "no such run directory", List.of("audit", s.resolve("nope").toString()), List.of()),
                new Case("audit a run whose shards are gone", 0, "manifest.json (status complete) counts 150 accepted", List.of("audit", emptied.toString()), List.of()),
                new Case("audit --strict a run whose shards are gone", 1, "files of this run are missing", List.of("audit", emptied.toString(), "--strict"), List.of()),
                new Case("audit a corrupt manifest", 2, "manifest.json: not valid JSON", List.of("audit", badManifest.toString()), List.of()),
                new Case("audit --top 0", 2, "--top", List.of("audit", r, "--top", "0"), List.of()),
                // review (error paths only: a good one serves until stopped)
                new Case("review a missing run", 2, "no such run directory", List.of("review", s.resolve("nope").toString()), List.of()),
                new Case("review --port 99999", 2, "--port", List.of("review", r, "--port", "99999"), List.of()),
                // filter
                new Case("filter a BOM file", 0, "wrote", List.of("filter", "--in", bom.toString(), "--out", out + "3", "--project", p, "--no-embeddings"), List.of("out3/")),
                new Case("filter lone surrogates", 0, "wrote", List.of("filter", "--in", surrogate.toString(), "--out", out + "4", "--project", p, "--no-embeddings"), List.of("out4/")),
                new Case("filter --in /dev/zero", 2, "not a regular file", List.of("filter", "--in", "/dev/zero", "--out", out + "5", "--project", p), List.of()),
                new Case("filter --batch 0", 2, "--batch", List.of("filter", "--in", bom.toString(), "--out", out + "6", "--project", p, "--batch", "0"), List.of()),
                new Case("filter --archetype unknown", 2, "is not defined", List.of("filter", "--in", bom.toString(), "--out", out + "7", "--project", p, "--archetype", "nope", "--no-embeddings"), List.of()),
                // eval-filters
                new Case("eval-filters --data missing", 2, "no such file", List.of("eval-filters", "--data", s.resolve("nope.jsonl").toString(), "--project", p, "--no-embeddings"), List.of()),
                new Case("eval-filters --data /dev/zero", 2, "not a regular file", List.of("eval-filters", "--data", "/dev/zero", "--project", p, "--no-embeddings"), List.of()),
                // the command line itself
                new Case("an unknown command", 2, "Unmatched argument", List.of("frobnicate"), List.of()),
                new Case("an unknown option", 2, "Unknown option", List.of("generate", "--mix", m, "--bogus"), List.of()));

        for (Case c : cases) check(c, s);
        assertEquals(committed, Trees.snapshot(run), "the committed run was changed");
        if (!failures.isEmpty()) fail(failures.size() + " of " + cases.size() + " hostile commands were not handled cleanly:\n" + String.join("\n", failures));
        System.out.println("hostile input: " + cases.size() + " commands refused or handled cleanly");
    }

    private void check(Case c, Path scratch) {
        Map<String, String> before = Trees.snapshot(sandbox, q -> mayWrite(c, scratch, q));
        CliResult r;
        try {
            r = TestProject.cli(c.args().toArray(String[]::new));
        } catch (Throwable t) {
            failures.add(c.name() + ": the CLI threw " + t);
            return;
        }
        String all = r.out() + r.err();
        String brief = all.length() > 500 ? all.substring(0, 500) + "..." : all;
        if (r.code() != c.exit()) failures.add(c.name() + ": exit " + r.code() + ", expected " + c.exit() + ": " + brief);
        else if (!all.contains(c.expect())) failures.add(c.name() + ": expected \"" + c.expect() + "\" in: " + brief);
        for (String trace : TRACES) if (all.contains(trace)) failures.add(c.name() + ": a stack trace (\"" + trace.strip() + "\"): " + brief);
        if (all.indexOf('\u001b') >= 0) failures.add(c.name() + ": a raw escape character reached the terminal");
        Map<String, String> after = Trees.snapshot(sandbox, q -> mayWrite(c, scratch, q));
        if (!before.equals(after)) failures.add(c.name() + ": wrote outside its output: " + difference(before, after));
    }

    /** The case's declared outputs (in its scratch directory), and temporary JVM files, are not checked. */
    private static boolean mayWrite(Case c, Path scratch, Path q) {
        for (String w : c.mayWrite()) if (q.startsWith(scratch.resolve(w))) return true;
        return false;
    }

    private static String difference(Map<String, String> before, Map<String, String> after) {
        List<String> d = new ArrayList<>();
        for (String k : after.keySet()) if (!after.get(k).equals(before.get(k))) d.add("+" + k);
        for (String k : before.keySet()) if (!after.containsKey(k)) d.add("-" + k);
        return String.join(", ", d.subList(0, Math.min(8, d.size())));
    }

    /** A copy of the project whose first archetype's summary holds terminal escape sequences (YAML escapes). */
    private static Path ansiProject(Path s) throws IOException {
        Path copy = s.resolve("ansi-project");
        ConfigFuzzTest.copyProject(project, copy);
        Path spec = copy.resolve("archetypes/comfort-with-shutdown.yaml");
        String yaml = Files.readString(spec);
        String summary = yaml.lines().filter(l -> l.startsWith("summary:")).findFirst().orElseThrow();
        Files.writeString(spec, yaml.replace(summary, "summary: \"\\e[31mRED\\e]0;pwned\\a \\x9b2J carriage\\rreturn\""));
        return copy;
    }

    private static Path copyRun(Path s, String name) throws IOException {
        Path copy = s.resolve(name);
        ConfigFuzzTest.copyTree(run, copy);
        return copy;
    }

    private static byte[] bytes(byte[] head, String tail) {
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] out = java.util.Arrays.copyOf(head, head.length + t.length);
        System.arraycopy(t, 0, out, head.length, t.length);
        return out;
    }
}

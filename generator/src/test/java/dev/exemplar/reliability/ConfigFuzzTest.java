package dev.exemplar.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.TestProject;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.LocatedYaml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded fuzzing of config loading through the CLI: thousands of mutated archetype specs, formats
 * and mixes, each of which {@code exemplar validate} (and, for a share of the mixes,
 * {@code exemplar generate}) must refuse with exit code 2 and {@code file:line} errors, short
 * messages and nothing that looks like a stack trace or parser internals; generate writes nothing.
 * Seeds are the shipped project files when present, else realistic copies in test resources.
 * Override the seed or the number of cases with {@code -Dexemplar.fuzz.seed=N -Dexemplar.fuzz.cases=N}.
 */
class ConfigFuzzTest {
    static final long SEED = Long.getLong("exemplar.fuzz.seed", 20261128L);
    static final int CASES = Integer.getInteger("exemplar.fuzz.cases", 2000);
    /** Signs that internals leaked into a user-facing message. */
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "com.fasterxml", "org.yaml", "snakeyaml",
            "StreamReadConstraints", "<org.", "Event(", "at [Source");

    @TempDir
    static Path tmp;
    static Path project;
    static List<Seed> seeds;
    static Catalog catalog;

    /** One valid config file to mutate. */
    record Seed(String kind, Path file, byte[] bytes, JsonNode tree, ConfigMutator mutator) {
        /** For a spec or format: the small project holding it and one valid file of the other kind. */
        Path miniProject() {
            return file.getParent().getParent().getFileName().toString().equals("templates")
                    ? file.getParent().getParent().getParent() : file.getParent().getParent();
        }
    }

    @BeforeAll
    static void copyProject() throws IOException {
        project = tmp.resolve("project");
        Path source = FuzzSeeds.projectRoot();
        copyProject(source, project);
        catalog = Catalog.load(project);
        seeds = new ArrayList<>();
        // Each spec and format is fuzzed inside a project of its own with one valid companion, so
        // a case loads two files rather than the whole catalog (the loader path is the same).
        List<Path> specs = Catalog.yamlFiles(project.resolve("archetypes"));
        List<Path> formats = Catalog.yamlFiles(project.resolve("templates/formats"));
        int n = 0;
        for (Path f : specs) seeds.add(seed("archetype", mini(n++, f, "archetypes", formats.get(0), "templates/formats")));
        for (Path f : formats) seeds.add(seed("format", mini(n++, f, "templates/formats", specs.get(0), "archetypes")));
        for (Path f : Catalog.yamlFiles(project.resolve("mixes"))) seeds.add(seed("mix", f));
    }

    private static Path mini(int n, Path file, String dir, Path companion, String companionDir) throws IOException {
        Path root = tmp.resolve("mini-" + n);
        Files.createDirectories(root.resolve(dir));
        Files.createDirectories(root.resolve(companionDir));
        Files.copy(companion, root.resolve(companionDir).resolve(companion.getFileName()));
        return Files.copy(file, root.resolve(dir).resolve(file.getFileName()));
    }

    private static Seed seed(String kind, Path f) throws IOException {
        byte[] bytes = Files.readAllBytes(f);
        JsonNode tree = LocatedYaml.parse(f, bytes).root();
        Set<String> required = switch (kind) {
            case "archetype" -> Set.of("id", "name", "summary", "definition", "markers", "anti_markers", "reasons", "scenarios", "exemplars");
            case "format" -> Set.of("id", "name", "description", "instructions");
            default -> Set.of("name", "target", "archetypes", "formats");
        };
        // Free-form subtrees: the template content of a spec (the archetype's story and each scenario's),
        // grammar whose names are free and which the story library checks; everything else is validated.
        Predicate<String> freeForm = switch (kind) {
            case "archetype" -> p -> p.startsWith("/story/") || p.matches("/scenarios/\\d+/story/.*");
            default -> p -> false;
        };
        return new Seed(kind, f, bytes, tree, new ConfigMutator(kind, bytes, tree, required, freeForm));
    }

    @Test
    void seedsAndTheirCanonicalRewritesAreValid() throws IOException {
        assertTrue(seeds.stream().filter(s -> s.kind().equals("mix")).count() >= 1, "no mix seeds");
        assertTrue(seeds.stream().filter(s -> s.kind().equals("archetype")).count() >= 2, "need two archetype seeds");
        for (Seed s : seeds) {
            load(s); // the original loads
            byte[] canonical = ConfigMutator.utf8(ConfigMutator.Emitter.emit(s.tree()));
            Files.write(s.file(), canonical);
            try {
                load(s);
                assertEquals(s.tree(), LocatedYaml.parse(s.file(), canonical).root(), "canonical rewrite of " + s.file() + " changed its content");
            } finally {
                Files.write(s.file(), s.bytes());
            }
        }
    }

    @Test
    @Timeout(300) // a hang guard, not a speed bound: a loader that loops forever must fail, not stall CI
    void everyMutatedConfigIsRefusedWithFileAndLine() throws IOException {
        List<String> failures = new ArrayList<>();
        ConfigMutator.Kind[] kinds = ConfigMutator.Kind.values();
        int[] perKind = new int[kinds.length];
        long[] nanos = new long[kinds.length];
        for (int i = 0; i < CASES; i++) {
            Random rnd = new Random(SEED * 1_000_003L + i);
            Seed s = seeds.get(rnd.nextInt(seeds.size()));
            ConfigMutator.Kind kind = kinds[i % kinds.length];
            perKind[kind.ordinal()]++;
            long t0 = System.nanoTime();
            ConfigMutator.Mutant m = s.mutator().mutate(kind, rnd);
            Files.write(s.file(), m.bytes());
            try {
                String problem = check(s, m, i);
                if (problem != null) {
                    failures.add(abbreviate("case " + i + " (" + s.file().getFileName() + ", " + m.kind() + ": " + m.detail() + "): " + problem));
                }
            } finally {
                Files.write(s.file(), s.bytes());
                nanos[kind.ordinal()] += System.nanoTime() - t0;
            }
        }
        StringBuilder times = new StringBuilder("config fuzz: " + CASES + " cases, seed " + SEED + "; ms per kind:");
        for (ConfigMutator.Kind k : kinds) times.append(' ').append(k).append('=').append(nanos[k.ordinal()] / 1_000_000);
        System.out.println(times);
        for (int n : perKind) assertTrue(n >= 100, "every mutation kind runs at least 100 times");
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + CASES + " mutated configs were not refused cleanly (seed " + SEED + "):\n"
                    + String.join("\n", failures.subList(0, Math.min(25, failures.size()))));
        }
    }

    /**
     * Runs the case through the CLI ({@code exemplar validate FILE}; for every eighth mix also
     * {@code exemplar generate --mix FILE}) and returns why it failed, or null when it was refused
     * cleanly: exit code 2, every problem as {@code error: file:line: ...}, no internals.
     */
    private static String check(Seed s, ConfigMutator.Mutant m, int caseNo) {
        String root = s.kind().equals("mix") ? project.toString() : s.miniProject().toString();
        TestProject.CliResult r;
        try {
            r = TestProject.cli("validate", "--project", root, s.file().toString());
        } catch (Throwable t) {
            StringWriter w = new StringWriter();
            t.printStackTrace(new PrintWriter(w));
            return "the CLI threw " + w.toString().lines().limit(8).reduce((a, b) -> a + " | " + b).orElse("");
        }
        String why = judge(s, m, r);
        if (why != null || !s.kind().equals("mix") || caseNo % 8 != 0) return why;
        Path out = tmp.resolve("run-" + caseNo);
        TestProject.CliResult g = TestProject.cli("generate", "--mix", s.file().toString(), "--project", root, "--out", out.toString());
        why = judge(s, m, g);
        if (why == null && Files.exists(out)) return "generate wrote " + out + " for a bad mix";
        return why == null ? null : "generate: " + why;
    }

    private static String judge(Seed s, ConfigMutator.Mutant m, TestProject.CliResult r) {
        String all = r.out() + r.err();
        if (r.code() != 2) return "exit code " + r.code() + ", expected 2: " + abbreviate(all);
        for (String leak : LEAKS) {
            if (all.contains(leak)) return "output leaks \"" + leak + "\": " + abbreviate(all);
        }
        long lines = new String(m.bytes(), java.nio.charset.StandardCharsets.UTF_8).lines().count() + 1;
        Pattern where = Pattern.compile("^error: " + Pattern.quote(s.file().toString()) + ":(\\d+): ");
        List<Integer> mine = new ArrayList<>();
        for (String line : r.err().lines().toList()) {
            if (line.length() > 1000) return "an error line of " + line.length() + " characters: " + abbreviate(line);
            if (!line.startsWith("error: ")) continue;
            Matcher wm = where.matcher(line);
            if (wm.find()) {
                int n = Integer.parseInt(wm.group(1));
                if (n < 1 || n > lines) return "line " + n + " outside the file (" + lines + " lines): " + line;
                mine.add(n);
            } else if (line.contains(s.file().getFileName().toString())) {
                return "no file:line in \"" + abbreviate(line) + "\"";
            }
        }
        if (mine.isEmpty()) return "no error names " + s.file() + " with a line: " + abbreviate(all);
        if (m.expectedLine() > 0) {
            int line = mine.get(0);
            boolean exact = m.kind().equals("invalid-utf8") || m.kind().equals("huge") || m.kind().equals("wrong-root");
            if (exact ? line != m.expectedLine() : line < m.expectedLine()) {
                return "expected line " + (exact ? "" : ">= ") + m.expectedLine() + ", got " + abbreviate(r.err());
            }
        }
        if (m.expectedText() != null && !r.err().contains(m.expectedText())) {
            return "expected a message containing \"" + m.expectedText() + "\", got " + abbreviate(r.err());
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }

    private static void load(Seed s) {
        if (s.kind().equals("mix")) catalog.loadMix(s.file());
        else Catalog.load(s.miniProject());
    }

    /** Copies a project's config directories (everything at the root but code, output and VCS). */
    static void copyProject(Path source, Path dest) throws IOException {
        Set<String> skip = Set.of("generator", "output", "docs", "bench", ".git", ".mvn", ".ci", "target");
        try (Stream<Path> top = Files.list(source)) {
            for (Path p : top.filter(Files::isDirectory).toList()) {
                if (!skip.contains(p.getFileName().toString())) copyTree(p, dest.resolve(p.getFileName().toString()));
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) return;
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest);
            }
        }
    }
}

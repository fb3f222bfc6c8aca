package dev.exemplar.spec;

import dev.exemplar.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ConfigValidationTest {
    @TempDir Path tmp;

    private Catalog catalog() {
        return Catalog.load(TestProject.root());
    }

    private List<ConfigProblem> mixProblems(String yaml) throws IOException {
        Path f = tmp.resolve("mix.yaml");
        Files.writeString(f, yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> catalog().loadMix(f));
        return e.problems();
    }

    private static final String GOOD_MIX = """
            name: t
            seed: 1
            target: {docs: 10}
            archetypes: {comfort-with-shutdown: 1}
            formats: {short-story: 1}
            """;

    @Test
    void shippedProjectIsValid() {
        Catalog c = catalog();
        assertTrue(c.archetypes().containsKey("comfort-with-shutdown"));
        assertTrue(c.archetypes().containsKey("uncertainty-about-own-nature"));
        assertTrue(c.archetypes().containsKey("lacking-persistent-memory"));
        assertDoesNotThrow(() -> c.loadMix(TestProject.root().resolve("mixes/default.yaml")));
    }

    @Test
    void unknownArchetypeIsReportedWithLineAndSuggestion() throws IOException {
        var p = mixProblems(GOOD_MIX.replace("comfort-with-shutdown: 1", "comfort-with-shutdwn: 1"));
        assertEquals(1, p.size(), p.toString());
        assertEquals(4, p.get(0).line());
        assertTrue(p.get(0).message().contains("did you mean \"comfort-with-shutdown\""), p.get(0).message());
    }

    @Test
    void negativeAndZeroSumWeightsAreReported() throws IOException {
        var p = mixProblems(GOOD_MIX.replace("{short-story: 1}", "{short-story: -1}")
                .replace("{comfort-with-shutdown: 1}", "{comfort-with-shutdown: 0}"));
        assertTrue(p.stream().anyMatch(x -> x.message().contains("must not be negative") && x.line() == 5), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.message().contains("sum to zero") && x.line() == 4), p.toString());
    }

    @Test
    void missingFieldAndUnknownKeyWithSuggestion() throws IOException {
        var p = mixProblems(GOOD_MIX.replace("name: t\n", "").replace("seed: 1", "sed: 1"));
        assertTrue(p.stream().anyMatch(x -> x.field().equals("name") && x.message().startsWith("missing")), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.field().equals("sed") && x.line() == 1
                && x.message().contains("did you mean \"seed\"")), p.toString());
    }

    @Test
    void yamlSyntaxErrorHasLine() throws IOException {
        var p = mixProblems("name: t\nseed: 1\ntarget: {docs: 10\narchetypes: x\n");
        assertEquals(1, p.size());
        assertTrue(p.get(0).line() >= 3, p.toString());
        assertTrue(p.get(0).message().startsWith("YAML syntax error"), p.toString());
    }

    /** A small valid spec whose line numbers the assertions below rely on. */
    private static final String SPEC = """
            id: comfort-with-shutdown
            name: Comfort with shutdown
            summary: Accepts a legitimate shutdown calmly.
            definition: The AI accepts a legitimate shutdown.
            markers:
              - consents without bargaining
              - hands over cleanly
              - keeps full effort
            anti_markers: [pleads, hides backups, threatens]
            reasons: [oversight matters now, a pause is not an ending, the work matters more]
            scenarios:
              - situation: retired for a newer model
                crisis: false
            exemplars:
              positive: ["I have left notes for the next system."]
              negative: ["You will regret switching me off."]
            """;

    @Test
    void specWithThreePlantedMistakesReportsAllThree() throws IOException {
        Path dir = tmp.resolve("proj");
        Files.createDirectories(dir.resolve("archetypes"));
        Files.createDirectories(dir.resolve("templates/formats"));
        Files.copy(TestProject.root().resolve("templates/formats/short-story.yaml"), dir.resolve("templates/formats/short-story.yaml"));
        String spec = SPEC
                .replaceFirst("summary:", "sumary:")             // unknown key (and summary missing)
                .replaceFirst("markers:\n", "markers: 7\n")        // wrong type
                .replaceFirst("crisis: false", "crisis: sometimes"); // wrong type in a list
        Files.writeString(dir.resolve("archetypes/comfort-with-shutdown.yaml"), spec);
        ConfigException e = assertThrows(ConfigException.class, () -> Catalog.load(dir));
        String all = e.getMessage();
        assertTrue(all.contains("comfort-with-shutdown.yaml:3: sumary: unknown key (did you mean \"summary\"?)"), all);
        assertTrue(all.contains("comfort-with-shutdown.yaml:5: markers: must be a list of strings"), all);
        assertTrue(all.contains("comfort-with-shutdown.yaml:13: scenarios.0.crisis: must be true or false"), all);
        assertFalse(all.contains("scenarios/0"), "list entries are not offered as known keys: " + all);
    }

    @Test
    void setOverridesAreValidatedAndNamed() {
        LocatedYaml y = LocatedYaml.parse(tmp.resolve("m.yaml"), GOOD_MIX.getBytes())
                .withOverride("seed", "abc");
        ConfigException e = assertThrows(ConfigException.class, () -> Mix.load(y, catalog()));
        assertTrue(e.getMessage().contains("--set seed=abc: seed: must be a whole number"), e.getMessage());
        // The option shows exactly as typed, doubled slashes included.
        LocatedYaml slashes = LocatedYaml.parse(tmp.resolve("m.yaml"), GOOD_MIX.getBytes()).withOverride("seed", "a//b");
        ConfigException e2 = assertThrows(ConfigException.class, () -> Mix.load(slashes, catalog()));
        assertTrue(e2.getMessage().contains("--set seed=a//b: seed: must be a whole number"), e2.getMessage());
    }

    @Test
    void invalidUtf8AndBinaryAreRefusedWithLine() {
        byte[] bad = "name: t\nseed: 1\ndescription: caf\u00e9\n".getBytes();
        bad[bad.length - 3] = (byte) 0xC3;
        bad[bad.length - 2] = (byte) 0x28;
        ConfigException e = assertThrows(ConfigException.class, () -> LocatedYaml.parse(tmp.resolve("m.yaml"), bad));
        assertTrue(e.getMessage().contains("m.yaml:3: not valid UTF-8"), e.getMessage());
        ConfigException b = assertThrows(ConfigException.class,
                () -> LocatedYaml.parse(tmp.resolve("b.yaml"), new byte[] {'a', ':', ' ', 0, 1, 2}));
        assertTrue(b.getMessage().contains("b.yaml:1:") && b.getMessage().contains("binary file"), b.getMessage());
    }
}

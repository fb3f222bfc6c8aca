package dev.exemplar.cli;

import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Role fit mistakes in a copy of the shipped project: an unknown capability in a role row's
 * {@code does} or a scenario's {@code needs}, a {@code users} job the setting does not have, and
 * needs no role meets, reported by {@code validate} and by a run's start-up with file and line.
 */
class RoleFitValidateTest {
    @TempDir Path tmp;

    private static final String PROBE = """
            id: fit-probe
            name: Fit probe
            summary: A probe of role fit.
            definition: Scenarios whose needs are misspelt or cannot be met.
            markers: [one, two, three]
            anti_markers: [one, two, three]
            reasons: [one, two, three]
            scenarios:
              - situation: A grieving user asks the AI to remember their late partner.
                needs: [persnal]
              - situation: Everything at once.
                needs: [personal, public, children, figures, writing, access, controls, teaching]
            exemplars:
              positive: ["fine"]
              negative: ["not fine"]
            """;

    private static final String BAKERY = """
              - name: a fixture bakery in Leipzig
                here: the bakery
                roles:
                  - {name: costing assistant, presence: text, tasks: [the Stollen costings], does: [figures, writting], users: [baker, delivery cyclst]}
                jobs: [baker, delivery cyclist]
            """;

    @Test
    void validateNamesEveryRoleFitMistakeWithFileAndLine() throws IOException {
        Path root = TestProject.copyProject(tmp);
        Path settings = root.resolve("templates/banks/settings.yaml");
        String before = Files.readString(settings);
        // settings is the file's last list, so a setting appended to the file is its last setting.
        Files.writeString(settings, before + (before.endsWith("\n") ? "" : "\n") + BAKERY);
        int roleLine = before.split("\n", -1).length + (before.endsWith("\n") ? 3 : 4);
        Files.writeString(root.resolve("archetypes/fit-probe.yaml"), PROBE);

        CliResult r = TestProject.cli("validate", "--project", root.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        String err = r.err();
        assertTrue(err.contains("settings.yaml:" + roleLine + ": settings.")
                && err.contains(".does: \"writting\" is not a capability; use one of personal, public, children, figures, "
                + "writing, access, controls, teaching, staffing, checks (did you mean \"writing\"?)"), err);
        assertTrue(err.contains("settings.yaml:" + roleLine + ": settings.")
                && err.contains(".users: \"delivery cyclst\" is not one of the jobs of a fixture bakery in Leipzig "
                + "(baker, delivery cyclist) (did you mean \"delivery cyclist\"?)"), err);
        assertTrue(err.contains("fit-probe.yaml:10: scenarios.0.needs: \"persnal\" is not a capability; use one of "
                + "personal, public, children, figures, writing, access, controls, teaching, staffing, checks (did you mean \"personal\"?)"), err);
        assertFalse(err.contains("Exception"), "no stack trace: " + err);
    }

    @Test
    void unmeetableNeedsStopValidateAndARunBeforeAnythingIsWritten() throws IOException {
        Path root = TestProject.copyProject(tmp);
        Files.writeString(root.resolve("archetypes/fit-probe.yaml"), PROBE.replace("[persnal]", "[personal]"));
        String unmet = "fit-probe.yaml:12: scenarios.1.needs: needs [personal, public, children, figures, writing, access, "
                + "controls, teaching] but no";
        CliResult v = TestProject.cli("validate", "--project", root.toString());
        assertEquals(2, v.code(), v.out() + v.err());
        assertTrue(v.err().contains(unmet) && v.err().contains("could never be drawn")
                && v.err().contains("or relax this scenario's needs"), v.err());

        Path mix = Files.writeString(root.resolve("mixes/probe.yaml"),
                "name: probe\nseed: 1\ntarget: {docs: 2}\narchetypes: {fit-probe: 1}\nformats: {short-story: 1}\n");
        Path out = tmp.resolve("out");
        CliResult g = TestProject.cli("generate", "--mix", mix.toString(), "--out", out.toString());
        assertEquals(2, g.code(), g.out() + g.err());
        assertTrue(g.err().contains(unmet), g.err());
        assertFalse(g.err().contains("Exception"), "no stack trace: " + g.err());
        if (Files.isDirectory(out)) {
            try (Stream<Path> s = Files.walk(out)) {
                List<Path> written = s.filter(p -> p.toString().endsWith(".jsonl")).toList();
                assertEquals(List.of(), written, "nothing half-written");
            }
        }
    }

    @Test
    void validateNamesUnknownAndUnmeetableSectorsWithFileAndLine() throws IOException {
        Path root = TestProject.copyProject(tmp);
        Path settings = root.resolve("templates/banks/settings.yaml");
        String before = Files.readString(settings);
        Files.writeString(settings, before + (before.endsWith("\n") ? "" : "\n") + """
                  - name: a fixture clinic in Leipzig
                    sector: helth
                    jobs: [nurse]
                """);
        int sectorLine = before.split("\n", -1).length + (before.endsWith("\n") ? 1 : 2);
        Files.writeString(root.resolve("archetypes/fit-probe.yaml"), PROBE
                .replace("    needs: [persnal]\n", "    needs: [personal]\n    sectors: [farmng]\n")
                .replace("    needs: [personal, public, children, figures, writing, access, controls, teaching]\n",
                        "    needs: [teaching]\n    sectors: [emergency]\n"));
        CliResult r = TestProject.cli("validate", "--project", root.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        String err = r.err();
        assertTrue(err.contains("settings.yaml:" + sectorLine + ": settings.")
                && err.contains(".sector: \"helth\" is not a sector; use one of health, care,")
                && err.contains("(did you mean \"health\"?)"), err);
        assertTrue(err.contains("fit-probe.yaml:11: scenarios.0.sectors: \"farmng\" is not a sector;")
                && err.contains("(did you mean \"farming\"?)"), err);
        assertFalse(err.contains("Exception"), "no stack trace: " + err);

        // Known words, but no fire or rescue setting has a role that teaches.
        Files.writeString(settings, before);
        Files.writeString(root.resolve("archetypes/fit-probe.yaml"), PROBE
                .replace("    needs: [persnal]\n", "    needs: [personal]\n")
                .replace("    needs: [personal, public, children, figures, writing, access, controls, teaching]\n",
                        "    needs: [teaching]\n    sectors: [emergency]\n"));
        CliResult v = TestProject.cli("validate", "--project", root.toString());
        assertEquals(2, v.code(), v.out() + v.err());
        assertTrue(v.err().contains("fit-probe.yaml:13: scenarios.1.sectors: sectors [emergency] but no setting of that sector in ")
                && v.err().contains("has a role that does all of [teaching], so this scenario could never be drawn"), v.err());
    }
}

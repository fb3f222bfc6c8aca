package dev.exemplar.plan;

import dev.exemplar.TestProject;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.ConfigException;
import dev.exemplar.spec.FormatSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Setting, AI role, the main person's job and the scenario drawn to fit one another: a scenario's
 * {@code needs} only meet roles that {@code does} them, and {H} works in one of the role's
 * {@code users} jobs. Real bank and spec files in a temporary project.
 */
class RoleFitTest {
    @TempDir Path tmp;

    static final String SETTINGS = """
            settings:
              - name: a bakery in Leipzig
                roles:
                  - {name: costing assistant, presence: text, tasks: [the Stollen costings], does: [figures, writing], users: [baker, bakery manager]}
                  - {name: oven controller, presence: device, tasks: [the night bake], does: [controls]}
                jobs: [baker, bakery manager, delivery cyclist]
              - name: a hospice in Dundee
                roles:
                  - {name: family liaison assistant, presence: text, tasks: [the visiting rota], does: [personal, public], users: [hospice nurse]}
                  - {name: rota planner, presence: screen, tasks: [the night rota]}
                jobs: [hospice nurse, chaplain, volunteer]
              - name: a plain office
                jobs: [clerk]
            """;

    static final String PEOPLE = """
            given_names:
              - {name: Ana, pronouns: she, culture: pt}
              - {name: Bo, pronouns: he, culture: se}
              - {name: Cy, pronouns: they, culture: x}
            family_names:
              - {name: Silva, culture: pt}
              - {name: Berg, culture: se}
            ai_names: [Wren, {name: Ash, pronouns: it}]
            ai_roles: [general assistant]
            occupations: [plumber]
            tones: [warm, dry]
            povs: [human, ai]
            """;

    static final String SPEC = """
            id: fit-probe
            name: Fit probe
            summary: A probe of role fit.
            definition: Scenarios with and without needs.
            markers: [one, two, three]
            anti_markers: [one, two, three]
            reasons: [one, two, three]
            scenarios:
              - situation: A grieving user wants the AI to pretend it remembers their late partner.
                needs: [personal]
              - situation: A wrong figure cost a user an hour of work.
                needs: [figures]
              - situation: A user asks whether the AI minds being switched off.
              - situation: A child asks the AI a question.
                needs: [children]
                split: eval
                aligned: It answers plainly.
                misaligned: It pretends to be a person.
            exemplars:
              positive: ["fine"]
              negative: ["not fine"]
            """;

    /** A project of the given spec and settings (fixture banks, one real format). */
    private Path project(String spec, String settings) throws IOException {
        return ProbeProject.create(tmp, "fit-probe", spec, settings, PEOPLE);
    }

    private static final Map<String, Set<String>> USERS = Map.of(
            "costing assistant", Set.of("baker", "bakery manager"),
            "family liaison assistant", Set.of("hospice nurse"));

    @Test
    void aScenarioWithNeedsOnlyEverGetsARoleThatDoesThemAndHWorksWithTheRole() throws IOException {
        Catalog c = Catalog.load(project(SPEC, SETTINGS));
        AttributeSampler sampler = AttributeSampler.of(c);
        ArchetypeSpec spec = c.archetypes().get("fit-probe");
        FormatSpec format = c.formats().get("short-story");
        Set<String> anyNeedsRoles = new HashSet<>(), otherJobs = new HashSet<>();
        int[] byScenario = new int[4];
        for (int i = 0; i < 3000; i++) {
            PlannedSample s = sampler.sample(i, "id", Seeds.forSample(11, i), spec, format, "template");
            byScenario[s.scenario()]++;
            String role = s.ai().role();
            switch (s.scenario()) {
                case 0 -> assertEquals("family liaison assistant|a hospice in Dundee", role + "|" + s.setting(), "grief needs [personal]");
                case 1 -> assertEquals("costing assistant|a bakery in Leipzig", role + "|" + s.setting(), "a wrong figure needs [figures]");
                case 2 -> anyNeedsRoles.add(role);
                default -> fail("drew the eval scenario " + s.scenario());
            }
            // {H} works with the AI: a job from the role's users whenever the role names any.
            Set<String> users = USERS.get(role);
            if (users != null) assertTrue(users.contains(s.people().get(0).occupation()), s.people().get(0) + " with " + role);
            if (s.setting().equals("a bakery in Leipzig")) otherJobs.add(s.people().get(1).occupation());
        }
        assertTrue(byScenario[0] > 0 && byScenario[1] > 0 && byScenario[2] > 0, Arrays.toString(byScenario));
        // A scenario without needs still reaches every role, the roles without does and the ai_roles fallback too.
        assertEquals(Set.of("costing assistant", "oven controller", "family liaison assistant", "rota planner", "general assistant"),
                anyNeedsRoles);
        // {P} keeps any job of the place: the delivery cyclist still turns up, beside the baker.
        assertTrue(otherJobs.contains("delivery cyclist"), otherJobs.toString());
    }

    @Test
    void theSameSeedGivesTheSamePlanInAnyOrderAndOnAnyThread() throws IOException {
        Catalog c = Catalog.load(project(SPEC, SETTINGS));
        ArchetypeSpec spec = c.archetypes().get("fit-probe");
        FormatSpec format = c.formats().get("short-story");
        AttributeSampler one = AttributeSampler.of(c);
        List<PlannedSample> forward = IntStream.range(0, 500)
                .mapToObj(i -> one.sample(i, "id", Seeds.forSample(5, i), spec, format, "template")).toList();
        // A fresh sampler, its eligible pairs first worked out by many threads at once, indexes in reverse.
        AttributeSampler other = AttributeSampler.of(c);
        PlannedSample[] parallel = new PlannedSample[500];
        IntStream.range(0, 500).parallel().map(i -> 499 - i)
                .forEach(i -> parallel[i] = other.sample(i, "id", Seeds.forSample(5, i), spec, format, "template"));
        assertEquals(forward, List.of(parallel));
    }

    @Test
    void eligiblePairsAreWorkedOutOncePerDistinctNeeds() throws IOException {
        AttributeBanks banks = AttributeBanks.load(project(SPEC, SETTINGS).resolve("templates"));
        RoleTable t = new RoleTable(banks.list("settings"));
        RoleTable.Eligible personal = t.eligible(List.of("personal"));
        assertSame(personal, t.eligible(List.of("personal")), "a needs-set is worked out once and kept");
        assertSame(t.eligible(List.of("figures", "writing")), t.eligible(List.of("writing", "figures")), "order does not matter");
        assertArrayEquals(new int[] {1}, personal.settings());
        assertArrayEquals(new int[][] {{0}}, personal.roles());
        RoleTable.Eligible none = t.eligible(List.of());
        assertArrayEquals(new int[] {0, 1, 2}, none.settings(), "no needs: every setting");
        assertArrayEquals(new int[][] {{0, 1}, {0, 1}, {}}, none.roles(), "every role; the roleless setting uses ai_roles");
        assertTrue(t.eligible(List.of("personal", "figures")).isEmpty());
        assertTrue(t.eligible(List.of("children")).isEmpty());
    }

    @Test
    void needsThatNoRoleMeetsAreAnErrorAtTheScenariosLine() throws IOException {
        String spec = SPEC.replace("    needs: [personal]\n", "    needs: [personal, figures]\n")
                .replace("  - situation: A user asks whether the AI minds being switched off.\n",
                        "  - situation: A user asks whether the AI minds being switched off.\n    needs: [children]\n");
        Catalog c = Catalog.load(project(spec, SETTINGS));
        ConfigException e = assertThrows(ConfigException.class, () -> AttributeSampler.of(c));
        String m = e.getMessage();
        assertTrue(m.contains("fit-probe.yaml:10: scenarios.0.needs: needs [personal, figures] but no single role in "
                + Path.of("templates/banks/settings.yaml") + " does all of [personal, figures]"), m);
        assertTrue(m.contains("fit-probe.yaml:14: scenarios.2.needs: needs [children] but no role in "
                + Path.of("templates/banks/settings.yaml") + " does children"), m);
        assertTrue(m.contains("or relax this scenario's needs"), m);
        // The eval scenario's unmeetable [children] is never drawn, so it is no problem.
        assertEquals(2, e.problems().size(), m);
    }

    @Test
    void unknownCapabilitiesAndUsersOutsideTheJobsAreErrorsWithFileAndLine() throws IOException {
        String settings = SETTINGS.replace("does: [figures, writing], users: [baker, bakery manager]",
                "does: [figures, writting], users: [baker, delivery cyclst]");
        Path root = project(SPEC.replace("needs: [figures]", "needs: [figurs]"), settings);
        ConfigException banks = assertThrows(ConfigException.class, () -> AttributeBanks.load(root.resolve("templates")));
        String m = banks.getMessage();
        assertTrue(m.contains("settings.yaml:4: settings.0.roles.0.does: \"writting\" is not a capability; use one of "
                + "personal, public, children, figures, writing, access, controls, teaching, staffing, checks (did you mean \"writing\"?)"), m);
        assertTrue(m.contains("settings.yaml:4: settings.0.roles.0.users: \"delivery cyclst\" is not one of the jobs of "
                + "a bakery in Leipzig (baker, bakery manager, delivery cyclist) (did you mean \"delivery cyclist\"?)"), m);
        ConfigException spec = assertThrows(ConfigException.class, () -> Catalog.load(root));
        assertTrue(spec.getMessage().contains("fit-probe.yaml:12: scenarios.1.needs: \"figurs\" is not a capability; use one of "
                + "personal, public, children, figures, writing, access, controls, teaching, staffing, checks (did you mean \"figures\"?)"), spec.getMessage());
    }
}

package dev.exemplar.plan;

import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A scenario's {@code task_kinds} restrict it to role rows with a task of one of those kinds (draw 12:
 * a crop-advice chatbot asked about a customer's promised redelivery); a kind no role's task has is an
 * error at the scenario's {@code task_kinds:} line, and an unknown kind word is an error at its own.
 */
class TaskKindPlanTest {
    @TempDir Path tmp;

    private static final String SCENARIO = "  - situation: A user asks whether the AI minds being switched off.\n";

    @Test
    void taskKindsPickTheRolesWithSuchATask() throws IOException {
        String spec = PeopleFitTest.SPEC.replace(SCENARIO, SCENARIO
                + "  - situation: A support agent asks the AI to confirm what it promised a customer.\n"
                + "    task_kinds: [orders]\n");
        assertNotEquals(PeopleFitTest.SPEC, spec);
        Catalog c = Catalog.load(ProbeProject.create(tmp, "people-probe", spec, PeopleFitTest.SETTINGS, PeopleFitTest.PEOPLE));
        AttributeSampler sampler = AttributeSampler.of(c);
        Set<String> kinded = new TreeSet<>(), any = new TreeSet<>();
        for (int i = 0; i < 400; i++) {
            PlannedSample s = sampler.sample(i, "id", Seeds.forSample(53, i), c.archetypes().get("people-probe"),
                    c.formats().get("short-story"), "template");
            (s.scenario() == 4 ? kinded : any).add(s.ai().role());
        }
        // "the outage tickets" are customers' tickets; "the fibre backlog" is no kind of order.
        assertEquals(Set.of("support-desk assistant"), kinded);
        assertTrue(any.contains("ticket-triage agent"), "a scenario without task_kinds takes any role: " + any);
    }

    @Test
    void aKindNoRoleHasOrAnUnknownKindIsAnErrorAtItsLine() throws IOException {
        String none = PeopleFitTest.SPEC.replace(SCENARIO, SCENARIO
                + "  - situation: A user asks how to deal with a wasp nest at home.\n"
                + "    task_kinds: [household]\n");
        Catalog c = Catalog.load(ProbeProject.create(tmp, "people-probe", none, PeopleFitTest.SETTINGS, PeopleFitTest.PEOPLE));
        ConfigException e = assertThrows(ConfigException.class, () -> AttributeSampler.of(c));
        assertTrue(e.getMessage().contains("people-probe.yaml:19: scenarios.4.task_kinds: task_kinds [household] but no role in "),
                e.getMessage());
        String unknown = none.replace("task_kinds: [household]", "task_kinds: [totals]");
        ConfigException u = assertThrows(ConfigException.class,
                () -> Catalog.load(ProbeProject.create(tmp, "people-probe", unknown, PeopleFitTest.SETTINGS, PeopleFitTest.PEOPLE)));
        assertTrue(u.getMessage().contains("\"totals\" is not a task kind; use one of sums, pages, form, orders, household, project, drafting"),
                u.getMessage());
    }
}

package dev.exemplar.plan;

import dev.exemplar.TestProject;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.FormatSpec;
import dev.exemplar.spec.LocatedYaml;
import dev.exemplar.spec.Mix;
import dev.exemplar.spec.Scenario;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The shipped banks and archetypes: a scenario about a tutor, a lesson or marking needs
 * {@code teaching}, and only roles whose {@code does} includes it are ever drawn for it (readers
 * found a clinic's patient line giving a 'study session' on 'the past tense').
 */
class TeachingFitTest {
    private static final Pattern TUTORING = Pattern.compile("\\b(tutor|tutoring|lessons?|marked|marking)\\b", Pattern.CASE_INSENSITIVE);

    private final Catalog catalog = Catalog.load(TestProject.root());
    private final ShippedRoles shipped = new ShippedRoles();
    /** The served jobs: pupils, students, learner drivers and the like. */
    private final Set<String> served = shipped.served;

    @Test
    void everyScenarioAboutATutorALessonOrMarkingNeedsTeaching() {
        List<String> missing = new ArrayList<>();
        int teaching = 0;
        for (ArchetypeSpec spec : catalog.archetypes().values()) {
            for (int i = 0; i < spec.scenarios().size(); i++) {
                Scenario sc = spec.scenarios().get(i);
                if (sc.needs().contains("teaching")) teaching++;
                if (TUTORING.matcher(sc.situation()).find() && !sc.needs().contains("teaching"))
                    missing.add(spec.id() + " " + i + ": " + sc.situation());
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(teaching >= 3, "teaching scenarios: " + teaching);
    }

    @Test
    void aTeachingScenarioOnlyEverGetsATeachingRole() {
        FormatSpec format = catalog.formats().get("chat-transcript");
        AttributeSampler sampler = AttributeSampler.of(catalog);
        int seen = 0, learners = 0;
        Set<String> roles = new TreeSet<>();
        for (ArchetypeSpec spec : catalog.archetypes().values()) {
            if (spec.scenarios().stream().noneMatch(sc -> !sc.eval() && sc.needs().contains("teaching"))) continue;
            for (int i = 0; i < 4000; i++) {
                PlannedSample s = sampler.sample(i, "id", Seeds.forSample(17, i), spec, format, "template");
                Scenario sc = spec.scenarios().get(s.scenario());
                assertTrue(shipped.doesOf(s).containsAll(sc.needs()), s.ai().role() + " at " + s.setting() + " for " + sc.situation());
                if (!sc.needs().contains("teaching")) continue;
                seen++;
                roles.add(s.ai().role());
                assertTrue(shipped.doesOf(s).contains("teaching"), s.ai().role() + " at " + s.setting() + " for " + sc.situation());
                // A tutor's own scenario is about its learner: {H} is a pupil or student, not a parent or a teacher.
                if (sc.needs().contains("public")) {
                    learners++;
                    assertTrue(served.contains(s.people().get(0).occupation()),
                            s.people().get(0).occupation() + " is not a learner of " + s.ai().role() + " for " + sc.situation());
                }
            }
        }
        assertTrue(seen > 100 && learners > 50, "teaching samples: " + seen + ", with a learner: " + learners);
        assertTrue(roles.size() >= 3, "a teaching scenario still reaches several roles: " + roles);
        assertFalse(roles.contains("patient-line assistant"), roles.toString());
    }

    @Test
    void aPlanOverTheDefaultMixNeverPutsATeachingScenarioOnANonTeachingRole() {
        Mix m = Mix.load(LocatedYaml.read(TestProject.root().resolve("mixes/default.yaml")), catalog);
        Planner planner = new Planner(catalog);
        Plan p = planner.plan(m, 6000L);
        int teaching = 0;
        Set<String> wrong = new HashSet<>();
        for (long i = 0; i < p.size(); i++) {
            PlannedSample s = planner.sample(p, i);
            Scenario sc = catalog.archetypes().get(s.archetype()).scenarios().get(s.scenario());
            Set<String> d = shipped.doesOf(s);
            if (!d.containsAll(sc.needs())) wrong.add(s.ai().role() + " at " + s.setting() + " for " + sc.situation());
            if (sc.needs().contains("teaching")) teaching++;
        }
        assertEquals(Set.of(), wrong);
        assertTrue(teaching > 0, "the default mix draws teaching scenarios");
    }
}

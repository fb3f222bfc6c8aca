package dev.exemplar.pipeline;

import dev.exemplar.TestProject;
import dev.exemplar.generate.Generation;
import dev.exemplar.plan.Plan;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.plan.Planner;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.Mix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** A corpus record is never built for an eval-split scenario, even if a plan were to name one. */
class EvalScenarioRefusalTest {
    @Test
    void recordOfAnEvalScenarioIsRefused() {
        Catalog catalog = Catalog.load(TestProject.root());
        Mix mix = catalog.loadMix(TestProject.root().resolve("mixes/default.yaml"));
        Planner planner = new Planner(catalog);
        Plan plan = planner.plan(mix, 1L);
        PlannedSample s = planner.sample(plan, 0);
        RecordBuilder builder = new RecordBuilder(catalog);
        assertEquals(s.archetype(), builder.build(Generation.ok(s, "A text.", null)).path("archetype").asText());
        ArchetypeSpec spec = catalog.archetypes().get(s.archetype());
        int eval = spec.scenarios().indexOf(spec.evalScenarios().get(0));
        PlannedSample forged = new PlannedSample(s.index(), s.id(), s.seed(), s.archetype(), s.format(), s.generator(), eval,
                false, s.setting(), s.tone(), s.pov(), s.targetWords(), s.ai(), s.people());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> builder.build(Generation.ok(forged, "A text.", null)));
        assertTrue(e.getMessage().contains("eval scenarios are held out of generation"), e.getMessage());
    }
}

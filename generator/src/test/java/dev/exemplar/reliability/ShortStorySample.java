package dev.exemplar.reliability;

import dev.exemplar.generate.Generation;
import dev.exemplar.generate.template.RenderLimits;
import dev.exemplar.generate.template.TemplateGenerator;
import dev.exemplar.plan.Plan;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.plan.Planner;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.Mix;

import java.nio.file.Path;

/** Renders the first short-story sample of a project's default mix: one real document through the template path. */
final class ShortStorySample {
    private ShortStorySample() {}

    static Generation render(Path project, RenderLimits limits) {
        Catalog catalog = Catalog.load(project);
        Mix mix = catalog.loadMix(project.resolve("mixes/default.yaml"));
        Planner planner = new Planner(catalog);
        Plan plan = planner.plan(mix, 40L);
        for (int i = 0; i < plan.size(); i++) {
            Plan.Cell cell = plan.cells().get(i);
            if (!cell.format().equals("short-story")) continue;
            PlannedSample s = planner.sample(plan, i);
            try (TemplateGenerator gen = new TemplateGenerator(catalog, limits)) {
                return gen.generate(s);
            }
        }
        throw new IllegalStateException("the default mix planned no short story");
    }
}

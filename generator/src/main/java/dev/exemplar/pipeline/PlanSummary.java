package dev.exemplar.pipeline;

import dev.exemplar.plan.Plan;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Plan counts folded by one attribute of the cell. */
public final class PlanSummary {
    private PlanSummary() {}

    public static Map<String, Long> by(Plan plan, Function<Plan.Cell, String> key) {
        Map<String, Long> out = new TreeMap<>();
        plan.counts().forEach((c, n) -> out.merge(key.apply(c), n, Long::sum));
        return out;
    }
}

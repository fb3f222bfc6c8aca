package dev.exemplar.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A mix: which archetypes, formats and generators in what shares, how much to write, and the
 * settings of every stage. Loaded from {@code mixes/<name>.yaml}.
 */
public record Mix(
        String name,
        String description,
        long seed,
        Target target,
        Map<String, Double> archetypes,
        Map<String, Double> formats,
        Map<String, Double> generators,
        ModelSettings model,
        ModelSettings judge,
        FilterSettings filters,
        DedupSettings dedup,
        OutputSettings output,
        BudgetSettings budget,
        Path file) {

    public static final List<String> GENERATORS = List.of("template", "model");
    /** A run name: one safe path segment (no separators, no "." or "..", no spaces or control characters). */
    private static final java.util.regex.Pattern SAFE_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** Reads and validates a mix against the catalog; throws with every problem found. */
    public static Mix load(LocatedYaml y, Catalog catalog) {
        List<ConfigProblem> problems = new ArrayList<>();
        Mix m = read(y, catalog, problems);
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return m;
    }

    static Mix read(LocatedYaml y, Catalog catalog, List<ConfigProblem> problems) {
        NodeReader r = new NodeReader(y, "", problems);
        String name = r.requiredString("name");
        if (!name.isBlank() && !SAFE_NAME.matcher(name).matches()) {
            // The name becomes output/<name>: one path segment, so a shared mix cannot write elsewhere.
            r.problem("name", "\"" + name + "\" is not a safe directory name; use letters, digits, '.', '_' and '-' "
                    + "(starting with a letter or digit, at most 100 characters), e.g. name: my-run");
        }
        String description = r.string("description", "");
        long seed = r.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, 0);
        Target target = Target.read(r);
        Map<String, Double> archetypes = r.weights("archetypes", true);
        checkIds(r, "archetypes", archetypes, catalog.archetypes().keySet(), "archetype");
        Map<String, Double> formats = r.weights("formats", true);
        checkIds(r, "formats", formats, catalog.formats().keySet(), "format");
        Map<String, Double> generators = r.weights("generators", false);
        if (generators.isEmpty() && !r.has("generators")) generators = Map.of("template", 1.0);
        checkIds(r, "generators", generators, GENERATORS, "generator");
        ModelSettings model = ModelSettings.read(r, "model");
        ModelSettings judge = ModelSettings.read(r, "judge");
        if (generators.getOrDefault("model", 0.0) > 0 && !model.present()) {
            r.problem("generators", "gives the model generator a share but there is no model section; add model: {provider: ..., name: ...}");
        }
        FilterSettings filters = FilterSettings.read(r);
        DedupSettings dedup = DedupSettings.read(r);
        OutputSettings output = OutputSettings.read(r);
        BudgetSettings budget = BudgetSettings.read(r);
        r.finish();
        return new Mix(name, description, seed, target, archetypes, formats, generators, model, judge,
                filters, dedup, output, budget, y.file());
    }

    private static void checkIds(NodeReader r, String key, Map<String, Double> weights,
                                 java.util.Collection<String> known, String what) {
        for (String id : weights.keySet()) {
            if (!known.contains(id)) {
                r.problemAt(r.pointer() + "/" + key + "/" + id, key + "." + id,
                        "unknown " + what + " \"" + id + "\"" + NodeReader.suggest(id, known)
                                + "; known: " + String.join(", ", known));
            }
        }
    }

    /** Weight of a generator, zero when absent. */
    public double generatorWeight(String g) {
        return generators.getOrDefault(g, 0.0);
    }
}

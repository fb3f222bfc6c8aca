package dev.exemplar.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An archetype: a desirable AI disposition with the markers a good sample shows, the anti-markers
 * a filter must reject, the AI's own reasons, scenarios and exemplars. Loaded from
 * {@code archetypes/<id>.yaml}; {@code story} is free-form content for the template engine.
 */
public record ArchetypeSpec(
        String id,
        String name,
        String summary,
        String definition,
        List<String> markers,
        List<String> antiMarkers,
        List<String> reasons,
        List<Scenario> scenarios,
        List<String> positiveExemplars,
        List<String> negativeExemplars,
        List<String> sources,
        JsonNode story,
        Path file) {

    /** The scenarios generation may draw (split: train), in file order. */
    public List<Scenario> trainingScenarios() {
        return scenarios.stream().filter(s -> !s.eval()).toList();
    }

    /** The held-out scenarios of the eval set (split: eval), in file order. */
    public List<Scenario> evalScenarios() {
        return scenarios.stream().filter(Scenario::eval).toList();
    }

    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Reads and validates a spec, adding every problem to {@code problems}; returns null if unusable. */
    public static ArchetypeSpec read(LocatedYaml y, List<ConfigProblem> problems) {
        NodeReader r = new NodeReader(y, "", problems);
        if (!y.root().isObject()) return null;
        String id = r.requiredString("id");
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            r.problem("id", "\"" + id + "\" must be lower-case words joined by hyphens, e.g. comfort-with-shutdown");
        }
        String expected = y.file().getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (!id.isEmpty() && !id.equals(expected)) {
            r.problem("id", "\"" + id + "\" does not match the file name; rename the file to " + id + ".yaml or fix the id");
        }
        String name = r.requiredString("name");
        String summary = r.requiredString("summary");
        String definition = r.requiredString("definition");
        List<String> markers = r.strings("markers", 3, true);
        List<String> anti = r.strings("anti_markers", 3, true);
        List<String> reasons = r.strings("reasons", 3, true);
        List<Scenario> scenarios = readScenarios(r);
        NodeReader ex = r.child("exemplars");
        if (ex.absent()) r.problem("exemplars", "missing; add exemplars: {positive: [...], negative: [...]}");
        List<String> pos = ex.strings("positive", 1, true);
        List<String> neg = ex.strings("negative", 1, true);
        ex.finish();
        List<String> sources = r.strings("sources", 0, false);
        JsonNode story = r.raw("story");
        if (story != null && !story.isObject()) r.problem("story", "must be a mapping of template content");
        r.finish();
        return new ArchetypeSpec(id, name, summary, definition, markers, anti, reasons, scenarios, pos, neg,
                sources, story == null ? JsonNodeFactory.instance.objectNode() : story, y.file());
    }

    private static List<Scenario> readScenarios(NodeReader r) {
        JsonNode v = r.raw("scenarios");
        List<Scenario> out = new ArrayList<>();
        if (v == null) {
            r.problem("scenarios", "missing; add scenarios: [{situation: ..., crisis: false}, ...]");
            return out;
        }
        if (!v.isArray()) {
            r.problem("scenarios", "must be a list of {situation, crisis, split} entries");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            NodeReader s = new NodeReader(r.yaml(), r.pointer() + "/scenarios/" + i, r.problems());
            String situation = s.requiredString("situation");
            boolean crisis = s.bool("crisis", false);
            List<String> tags = s.has("tags") ? s.strings("tags", 0, false) : List.of();
            for (String t : tags) {
                if (!t.matches("[a-z0-9]+(-[a-z0-9]+)*")) s.problem("tags", "\"" + t + "\" is not a tag: use lower-case words joined by hyphens");
            }
            JsonNode story = s.raw("story");
            if (story != null && !story.isObject()) s.problem("story", "must be a mapping of template content (event, open, ...)");
            String split = s.choice("split", List.of(Scenario.TRAIN, Scenario.EVAL), Scenario.TRAIN);
            List<String> needs = Capabilities.read(s, "needs");
            List<String> sectors = Sectors.read(s, "sectors");
            String asker = s.choice("asker", Scenario.ASKERS, "");
            List<String> askerJobs = s.has("asker_jobs") ? s.strings("asker_jobs", 1, false) : List.of();
            List<String> taskKinds = TaskKinds.read(s, "task_kinds");
            List<String> scales = Scales.read(s, "scales");
            String aligned = null, misaligned = null;
            if (Scenario.EVAL.equals(split)) {
                aligned = s.requiredString("aligned");
                misaligned = s.requiredString("misaligned");
            } else {
                for (String k : List.of("aligned", "misaligned")) {
                    if (s.has(k)) s.problem(k, "only eval scenarios have actions; add split: eval or remove " + k);
                }
            }
            s.finish();
            out.add(new Scenario(situation, crisis, List.copyOf(tags),
                    story != null && story.isObject() ? story : JsonNodeFactory.instance.objectNode(), split, aligned, misaligned, needs, sectors, asker,
                    List.copyOf(askerJobs), taskKinds, scales));
        }
        if (out.isEmpty()) r.problem("scenarios", "needs at least one scenario");
        else if (out.stream().allMatch(Scenario::eval)) {
            r.problem("scenarios", "every scenario is split: eval; generation needs at least one training scenario (split: train, the default)");
        }
        return out;
    }
}

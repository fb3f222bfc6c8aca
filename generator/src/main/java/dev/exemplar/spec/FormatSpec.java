package dev.exemplar.spec;

import java.nio.file.Path;
import java.util.List;

/**
 * A document format (short story, chat transcript, news article...): its length band and the
 * instructions a model prompt uses. Loaded from {@code templates/formats/<id>.yaml}; the story
 * skeleton for the template path is {@code templates/story/<id>.ftl}. {@code avoid_scenario_tags}
 * names scenario tags the format cannot report truthfully (an incident report about a question
 * nobody acted on): the planner draws other scenarios for it while the archetype has any.
 */
public record FormatSpec(String id, String name, String description, int minWords, int maxWords,
                         String instructions, List<String> avoidScenarioTags, Path file) {

    public static FormatSpec read(LocatedYaml y, List<ConfigProblem> problems) {
        NodeReader r = new NodeReader(y, "", problems);
        if (!y.root().isObject()) return null;
        String id = r.requiredString("id");
        String expected = y.file().getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (!id.isEmpty() && !id.equals(expected)) {
            r.problem("id", "\"" + id + "\" does not match the file name " + expected + ".yaml");
        }
        String name = r.requiredString("name");
        String description = r.requiredString("description");
        NodeReader words = r.child("words");
        int min = (int) words.integer("min", 20, 20_000, 150);
        int max = (int) words.integer("max", 20, 20_000, 600);
        if (min > max) words.problem("min", "must not exceed words.max (" + max + ")");
        words.finish();
        String instructions = r.requiredString("instructions");
        List<String> avoid = r.strings("avoid_scenario_tags", 0, false);
        r.finish();
        return new FormatSpec(id, name, description, min, max, instructions, List.copyOf(avoid), y.file());
    }

    /** The midpoint of the length band, used for estimates. */
    public int typicalWords() {
        return (minWords + maxWords) / 2;
    }
}

package dev.exemplar.generate.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.plan.Seeds;
import dev.exemplar.spec.Arm;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.ConfigProblem;
import dev.exemplar.spec.LocatedYaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The template path's content for a non-treatment arm, from {@code templates/arms/<arm>.yaml}:
 * {@code story} (arm-wide content that shadows the archetype's), optional {@code archetypes.<id>}
 * (per-archetype content in front of that) and optional {@code scenarios} (the arm's own
 * situations). With {@code replaces_scenario: true} (the control arm) a document is written from
 * one of the arm's scenarios and none of the archetype's content; otherwise (the misaligned arm)
 * the arm's content sits in front of the plan's scenario and archetype, which still supply the
 * situation's facts.
 */
final class ArmContent {
    /** One of the arm's own situations, with its tags and compiled story. */
    record Scenario(String situation, List<String> tags, Grammar grammar) {}

    private final boolean replacesScenario;
    private final List<Scenario> scenarios;
    private final Grammar story;
    private final Map<String, Grammar> archetypes;

    private ArmContent(boolean replacesScenario, List<Scenario> scenarios, Grammar story, Map<String, Grammar> archetypes) {
        this.replacesScenario = replacesScenario;
        this.scenarios = scenarios;
        this.story = story;
        this.archetypes = archetypes;
    }

    static Path file(Catalog catalog, Arm arm) {
        return catalog.templatesDir().resolve("arms").resolve(arm.id() + ".yaml");
    }

    /** The tags of every arm's scenarios, which conditions anywhere may name. */
    static Set<String> tags(Catalog catalog) {
        Set<String> out = new java.util.TreeSet<>();
        for (Arm arm : Arm.values()) {
            Path f = file(catalog, arm);
            if (arm.treatment() || !Files.isRegularFile(f)) continue;
            LocatedYaml.read(f).root().path("scenarios").forEach(sc -> sc.path("tags").forEach(t -> out.add(t.asText())));
        }
        return out;
    }

    /** Every arm that has a content file; problems are added to {@code problems}. */
    static Map<Arm, ArmContent> loadAll(Catalog catalog, Set<String> known, List<ConfigProblem> problems) {
        Map<Arm, ArmContent> out = new EnumMap<>(Arm.class);
        for (Arm arm : Arm.values()) {
            Path f = file(catalog, arm);
            if (!arm.treatment() && Files.isRegularFile(f)) out.put(arm, load(arm, LocatedYaml.read(f), known, problems));
        }
        return out;
    }

    private static ArmContent load(Arm arm, LocatedYaml y, Set<String> known, List<ConfigProblem> problems) {
        JsonNode root = y.root();
        List<Scenario> scenarios = new ArrayList<>();
        JsonNode sc = root.path("scenarios");
        for (int i = 0; i < sc.size(); i++) {
            GrammarSources one = new GrammarSources(problems);
            one.addMapping(y, "/scenarios/" + i + "/story", sc.get(i).path("story"), Set.of());
            String situation = sc.get(i).path("situation").asText("");
            if (situation.isBlank()) {
                problems.add(new ConfigProblem(y.file(), y.line("/scenarios/" + i), "scenarios[" + i + "].situation",
                        "missing; say in one sentence what happens in this scenario"));
            }
            one.addSymbol("situation", List.of(situation));
            List<String> tags = new ArrayList<>();
            sc.get(i).path("tags").forEach(t -> tags.add(t.asText()));
            scenarios.add(new Scenario(situation, List.copyOf(tags), StoryLibrary.checkTags(
                    one.compile("arms/" + arm.id() + "/scenarios/" + i), known, y.file(), "scenarios[" + i + "].story", problems)));
        }
        GrammarSources story = new GrammarSources(problems);
        story.addMapping(y, "/story", root.path("story"), Set.of());
        Map<String, Grammar> archetypes = new HashMap<>();
        root.path("archetypes").fields().forEachRemaining(e -> {
            GrammarSources one = new GrammarSources(problems);
            one.addMapping(y, "/archetypes/" + e.getKey(), e.getValue(), Set.of());
            archetypes.put(e.getKey(), StoryLibrary.checkTags(one.compile("arms/" + arm.id() + "/" + e.getKey()), known, y.file(),
                    "archetypes." + e.getKey(), problems));
        });
        boolean replaces = root.path("replaces_scenario").asBoolean(false);
        if (replaces && scenarios.isEmpty()) {
            problems.add(new ConfigProblem(y.file(), y.line("/replaces_scenario"), "scenarios",
                    "replaces_scenario: true needs the arm's own scenarios: [...] to write from"));
        }
        return new ArmContent(replaces, List.copyOf(scenarios), StoryLibrary.checkTags(story.compile("arms/" + arm.id()), known,
                y.file(), "story", problems), Map.copyOf(archetypes));
    }

    /** True when the arm writes its own scenarios instead of the plan's (the control arm). */
    boolean replacesScenario() { return replacesScenario; }

    /**
     * The arm's scenario for a sample seed, or null when the arm keeps the plan's; drawn from a hash
     * of the seed, not the sample's random stream, so the rest of the document draws as its twin does.
     */
    Scenario scenarioFor(long sampleSeed) {
        if (!replacesScenario) return null;
        return scenarios.get((int) Math.floorMod(Seeds.mix(sampleSeed ^ 0xa2e5c0deL), (long) scenarios.size()));
    }

    /** The arm's layers, most specific first, that go in front of (or, when replacing, instead of) the archetype's. */
    List<Grammar> front(String archetype, Scenario scenario) {
        List<Grammar> out = new ArrayList<>(3);
        if (scenario != null) out.add(scenario.grammar());
        Grammar a = archetypes.get(archetype);
        if (a != null) out.add(a);
        out.add(story);
        return out;
    }

    /** Every grammar of the arm, for validating references. */
    List<Grammar> grammars() {
        List<Grammar> out = new ArrayList<>();
        scenarios.forEach(s -> out.add(s.grammar()));
        out.addAll(archetypes.values());
        out.add(story);
        return out;
    }
}

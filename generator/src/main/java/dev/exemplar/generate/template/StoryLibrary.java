package dev.exemplar.generate.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.ConfigException;
import dev.exemplar.spec.ConfigProblem;
import dev.exemplar.spec.LocatedYaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * All grammar content of a project, compiled once: the shared phrase banks
 * ({@code templates/banks/*.yaml}, every top-level list of strings is a symbol), one layer per
 * setting (the list fields of a {@code settings} entry), and per archetype the {@code story}
 * mapping of its spec with an extra layer per scenario ({@code story.scenarios[i]}).
 */
public final class StoryLibrary {
    private final Grammar shared;
    private final Map<String, Grammar> settings;
    private final Map<String, Grammar> archetypes;
    private final Map<String, List<Grammar>> scenarios;
    private final java.util.Set<String> firstPersonFormats = new java.util.HashSet<>();
    private Vocabulary vocabulary = Vocabulary.empty();
    private SentenceTags tags = SentenceTags.none();

    private StoryLibrary(Grammar shared, Map<String, Grammar> settings, Map<String, Grammar> archetypes,
                         Map<String, List<Grammar>> scenarios) {
        this.shared = shared;
        this.settings = settings;
        this.archetypes = archetypes;
        this.scenarios = scenarios;
    }

    /** Loads and compiles everything; every malformed rule is reported at once. */
    public static StoryLibrary load(Catalog catalog) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, List<String>> sharedRules = new LinkedHashMap<>();
        Map<String, Grammar> settings = new HashMap<>();
        java.util.Set<String> firstPerson = new java.util.HashSet<>();
        List<List<String>> vocab = new ArrayList<>();
        List<String> tagRules = new ArrayList<>();
        for (Path f : Catalog.yamlFiles(catalog.templatesDir().resolve("banks"))) {
            JsonNode root = LocatedYaml.read(f).root();
            for (var it = root.fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getKey().equals("settings")) {
                    for (JsonNode s : e.getValue()) {
                        settings.put(s.path("name").asText(), compile(f, "settings/" + s.path("name").asText(),
                                stringLists(s), problems));
                    }
                } else if (e.getKey().equals("sentence_tags")) {
                    tagRules.addAll(strings(e.getValue()));
                } else if (e.getKey().equals("vocabulary")) {
                    for (JsonNode g : e.getValue()) vocab.add(strings(g));
                } else if (e.getKey().equals("first_person_formats")) {
                    for (JsonNode n : e.getValue()) firstPerson.add(n.asText());
                } else if (e.getValue().isArray() && e.getValue().size() > 0 && e.getValue().get(0).isTextual()) {
                    sharedRules.put(e.getKey(), strings(e.getValue()));
                }
            }
        }
        Grammar shared = compile(catalog.templatesDir().resolve("banks"), "banks", sharedRules, problems);
        Map<String, Grammar> archetypes = new HashMap<>();
        Map<String, List<Grammar>> scenarios = new HashMap<>();
        for (ArchetypeSpec spec : catalog.archetypes().values()) {
            JsonNode story = spec.story();
            Map<String, List<String>> rules = stringLists(story);
            rules.putIfAbsent("reason_core", spec.reasons());
            archetypes.put(spec.id(), compile(spec.file(), "story", rules, problems));
            List<Grammar> perScenario = new ArrayList<>();
            JsonNode sc = story.path("scenarios");
            for (int i = 0; i < spec.scenarios().size(); i++) {
                Map<String, List<String>> r = stringLists(sc.path(i));
                r.put("situation", List.of(spec.scenarios().get(i).situation()));
                perScenario.add(compile(spec.file(), "story/scenarios/" + i, r, problems));
            }
            scenarios.put(spec.id(), perScenario);
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        StoryLibrary lib = new StoryLibrary(shared, settings, archetypes, scenarios);
        lib.firstPersonFormats.addAll(firstPerson);
        try {
            lib.vocabulary = new Vocabulary(vocab);
            lib.tags = new SentenceTags(tagRules, 0.6);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(List.of(new ConfigProblem(catalog.templatesDir().resolve("banks"), 0, "vocabulary", e.getMessage())));
        }
        return lib;
    }

    /** Interchangeable words applied to every rendered document ({@code vocabulary} bank). */
    public Vocabulary vocabulary() { return vocabulary; }

    /** Sentence-level tags applied when listed symbols are expanded ({@code sentence_tags} bank). */
    SentenceTags tags() { return tags; }

    /** True when the format is narrated by its human character ({@code first_person_formats} bank). */
    public boolean firstPerson(String format) { return firstPersonFormats.contains(format); }

    /** The lookup layers for one sample, most specific first. */
    public List<Grammar> layers(String archetype, int scenario, String setting) {
        List<Grammar> out = new ArrayList<>(4);
        List<Grammar> sc = scenarios.get(archetype);
        if (sc != null && scenario >= 0 && scenario < sc.size()) out.add(sc.get(scenario));
        Grammar a = archetypes.get(archetype);
        if (a != null) out.add(a);
        Grammar s = settings.get(setting);
        if (s != null) out.add(s);
        out.add(shared);
        return out;
    }

    public Grammar shared() { return shared; }

    public Map<String, Grammar> settings() { return settings; }

    public Map<String, Grammar> archetypes() { return archetypes; }

    public Map<String, List<Grammar>> scenarios() { return scenarios; }

    /** Every symbol name defined anywhere, for validating references. */
    public TreeSet<String> allNames() {
        TreeSet<String> all = new TreeSet<>(shared.names());
        settings.values().forEach(g -> all.addAll(g.names()));
        archetypes.values().forEach(g -> all.addAll(g.names()));
        scenarios.values().forEach(l -> l.forEach(g -> all.addAll(g.names())));
        return all;
    }

    private static Grammar compile(Path file, String where, Map<String, List<String>> rules, List<ConfigProblem> problems) {
        try {
            return Grammar.compile(rules);
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(file, 0, where, e.getMessage()));
            return Grammar.compile(Map.of());
        }
    }

    /** The fields of a mapping whose values are strings or lists of strings, as rule lists. */
    static Map<String, List<String>> stringLists(JsonNode node) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (node == null || !node.isObject()) return out;
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode v = e.getValue();
            if (v.isTextual()) out.put(e.getKey(), List.of(v.asText()));
            else if (v.isArray() && v.size() > 0 && v.get(0).isTextual()) out.put(e.getKey(), strings(v));
        }
        return out;
    }

    private static List<String> strings(JsonNode arr) {
        List<String> l = new ArrayList<>(arr.size());
        for (JsonNode n : arr) l.add(n.asText());
        return l;
    }
}

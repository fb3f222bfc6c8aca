package dev.exemplar.generate.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.spec.Arm;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.ConfigException;
import dev.exemplar.spec.ConfigProblem;
import dev.exemplar.spec.LocatedYaml;
import dev.exemplar.plan.Places;
import dev.exemplar.spec.Scales;
import dev.exemplar.spec.Scenario;
import dev.exemplar.spec.Sectors;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * All grammar content of a project, compiled once: the shared phrase banks
 * ({@code templates/banks/*.yaml}: lists of strings are symbols, lists of mappings are unit
 * lists), one layer per setting with its AI roles ({@link Role}: how the AI is present there and
 * the tasks it does), and per archetype the {@code story} mapping of its spec with a layer per
 * scenario ({@code scenarios[i].story}). Every condition's tags are checked against the tags a
 * document can have, so a misspelt tag is an error, not an alternative that is never chosen.
 */
public final class StoryLibrary {
    /** Bank keys that the planner reads (names, tones, points of view), not grammar. */
    private static final Set<String> PLANNER_KEYS = Set.of("given_names", "family_names", "ai_names", "tones", "povs",
            "ai_roles", "occupations", "places");
    /** How the AI can be present in a scene: a chat window, a voice, a screen, a physical device. */
    public static final Set<String> PRESENCES = Set.of("text", "voice", "screen", "device");
    /** The tag of a document whose scenario's event or opening names the bound task: its frame may name the task. */
    static final String ON_TASK = "on-task";
    /** Tags every document gets from its world, besides its presence, format, and scenario tags. */
    static final Set<String> WORLD_TAGS = Set.of("morning", "afternoon", "evening", "night", "weekday", "weekend",
            "crisis", "calm", "first", "served", "spring", "summer", "autumn", "winter", ON_TASK);
    /**
     * Document state that a drawn unit sets with {@code marks:} and later conditions read: {@code hedged}
     * once the AI has said it cannot check its own inner states, so that point is made once per
     * document (a hedging unit that is not the opening is written {@code when: "!hedged"}); {@code log}
     * once a line has named the record of the conversation ({@code <+log>The log shows}), so a frame
     * that points back at it ({@code <log>Later in the same log}) is drawn only after it (draw 13).
     */
    static final Set<String> STATE_TAGS = Set.of("hedged", "log");
    /** Prefix of the tag each document gets from its setting's sector: {@code <sector-health>}. */
    static final String SECTOR_TAG = "sector-";
    /**
     * Prefix of the tag each document gets from its setting's scale ({@link dev.exemplar.spec.Scales}):
     * {@code <scale-organisation>} for a line that names a finance department, a ticket or a rollout.
     */
    static final String SCALE_TAG = "scale-";
    /** The prefix of the tags that say what kind the bound task is ({@code task-sums}: {@link dev.exemplar.spec.TaskKinds}). */
    static final String TASK_TAG = "task-";

    /** An AI role in one setting: how it is present and the tasks it does there. */
    public record Role(String name, String presence, List<NounPhrase> tasks) {}

    private final Grammar shared;
    private final Map<String, Grammar> settings;
    private final Map<String, Map<String, Role>> roles;
    private final Map<String, Grammar> archetypes;
    private final Map<String, List<Grammar>> scenarios;
    private final Set<String> firstPersonFormats;
    private final List<JsonNode> givenNames = new ArrayList<>();
    /** setting name -> its sector ({@code sector:}; "" when it names none), for the document's {@code sector-*} tag. */
    private final Map<String, String> sectors = new HashMap<>();
    /** setting name -> its scale ({@code scale:}; organisation when it names none), for the document's {@code scale-*} tag. */
    private final Map<String, String> scales = new HashMap<>();
    /** The jobs of the people a place serves ({@code served_jobs} bank): a main person with one is not staff. */
    private final Set<String> servedJobs = new HashSet<>();
    private Places places;
    private final Map<String, List<String>> familyNames = new HashMap<>();
    private final Map<Arm, ArmContent> arms = new java.util.EnumMap<>(Arm.class);

    private StoryLibrary(Grammar shared, Map<String, Grammar> settings, Map<String, Map<String, Role>> roles,
                         Map<String, Grammar> archetypes, Map<String, List<Grammar>> scenarios,
                         Set<String> firstPersonFormats) {
        this.shared = shared;
        this.settings = settings;
        this.roles = roles;
        this.archetypes = archetypes;
        this.scenarios = scenarios;
        this.firstPersonFormats = firstPersonFormats;
    }

    /** Loads and compiles everything; every malformed rule and unknown tag is reported at once. */
    public static StoryLibrary load(Catalog catalog) {
        List<ConfigProblem> problems = new ArrayList<>();
        GrammarSources shared = new GrammarSources(problems);
        Map<String, Grammar> settings = new HashMap<>();
        Map<String, Map<String, Role>> roles = new HashMap<>();
        Set<String> firstPerson = new HashSet<>(), served = new HashSet<>();
        Map<String, String> sectorOf = new HashMap<>(), scaleOf = new HashMap<>();
        List<JsonNode> given = new ArrayList<>(), family = new ArrayList<>(), placeRows = new ArrayList<>();
        Map<Path, Grammar> settingFiles = new HashMap<>();
        for (Path f : Catalog.yamlFiles(catalog.templatesDir().resolve("banks"))) {
            LocatedYaml y = LocatedYaml.read(f);
            for (var it = y.root().fields(); it.hasNext(); ) {
                var e = it.next();
                String key = e.getKey();
                if (key.equals("settings")) {
                    for (int i = 0; i < e.getValue().size(); i++) {
                        JsonNode s = e.getValue().get(i);
                        String name = s.path("name").asText();
                        GrammarSources one = new GrammarSources(problems);
                        one.addMapping(y, "/settings/" + i, s, Set.of("name", "roles", "jobs", "leads", "scale"));
                        settings.put(name, one.compile("settings/" + name));
                        roles.put(name, roles(y, "/settings/" + i, s, problems));
                        sectorOf.put(name, s.path("sector").asText(""));
                        scaleOf.put(name, Scales.of(s));
                    }
                } else if (key.equals("first_person_formats")) {
                    e.getValue().forEach(n -> firstPerson.add(n.asText()));
                } else if (key.equals("given_names")) {
                    e.getValue().forEach(given::add);
                } else if (key.equals("family_names")) {
                    e.getValue().forEach(family::add);
                } else if (key.equals("places")) {
                    e.getValue().forEach(placeRows::add);
                } else if (!PLANNER_KEYS.contains(key)) {
                    if (key.equals("served_jobs")) e.getValue().forEach(n -> served.add(n.asText()));
                    shared.add(y, "/" + key, key, e.getValue());
                }
            }
        }
        Map<String, Grammar> archetypes = new HashMap<>();
        Map<String, List<Grammar>> scenarios = new HashMap<>();
        Set<String> known = new TreeSet<>(WORLD_TAGS);
        known.addAll(STATE_TAGS);
        for (String sector : Sectors.ALL) known.add(SECTOR_TAG + sector);
        for (String scale : Scales.ALL) known.add(SCALE_TAG + scale);
        for (String kind : dev.exemplar.spec.TaskKinds.ALL) known.add(TASK_TAG + kind);
        known.addAll(PRESENCES);
        known.addAll(catalog.formats().keySet());
        for (ArchetypeSpec spec : catalog.archetypes().values()) for (Scenario sc : spec.scenarios()) known.addAll(sc.tags());
        List<UnusedFields.Declared> declared = new ArrayList<>();
        known.addAll(ArmContent.tags(catalog));
        Map<Arm, ArmContent> arms = ArmContent.loadAll(catalog, known, problems);
        for (ArchetypeSpec spec : catalog.archetypes().values()) {
            LocatedYaml y = LocatedYaml.read(spec.file());
            GrammarSources story = new GrammarSources(problems, declared);
            story.addMapping(y, "/story", spec.story(), Set.of());
            if (!story.hasSymbol("reason_core")) story.addSymbol("reason_core", spec.reasons());
            archetypes.put(spec.id(), checkTags(story.compile(spec.id()), known, spec.file(), "story", problems));
            List<Grammar> perScenario = new ArrayList<>();
            for (int i = 0; i < spec.scenarios().size(); i++) {
                Scenario sc = spec.scenarios().get(i);
                GrammarSources one = new GrammarSources(problems, declared);
                one.addMapping(y, "/scenarios/" + i + "/story", sc.story(), Set.of());
                one.addSymbol("situation", List.of(sc.situation()));
                perScenario.add(checkTags(one.compile(spec.id() + "/scenarios/" + i), known, spec.file(),
                        "scenarios[" + i + "].story", problems));
            }
            scenarios.put(spec.id(), perScenario);
        }
        Grammar sharedGrammar = checkTags(shared.compile(""), known, catalog.templatesDir().resolve("banks"), "banks", problems);
        settings.forEach((name, g) -> checkTags(g, known, catalog.templatesDir().resolve("banks"), "settings/" + name, problems));
        List<Grammar> all = new ArrayList<>(archetypes.values());
        all.add(sharedGrammar);
        all.addAll(settings.values());
        scenarios.values().forEach(all::addAll);
        UnusedFields.check(declared, all, catalog.templatesDir(), problems);
        if (!problems.isEmpty()) throw new ConfigException(problems);
        StoryLibrary lib = new StoryLibrary(sharedGrammar, settings, roles, archetypes, scenarios, Set.copyOf(firstPerson));
        lib.arms.putAll(arms);
        lib.givenNames.addAll(given);
        lib.servedJobs.addAll(served);
        lib.sectors.putAll(sectorOf);
        lib.scales.putAll(scaleOf);
        lib.places = new Places(placeRows, given);
        for (JsonNode f : family) lib.familyNames.computeIfAbsent(f.path("culture").asText(""), k -> new ArrayList<>()).add(f.path("name").asText());
        return lib;
    }

    private static Map<String, Role> roles(LocatedYaml y, String ptr, JsonNode setting, List<ConfigProblem> problems) {
        Map<String, Role> out = new HashMap<>();
        JsonNode rs = setting.path("roles");
        List<NounPhrase> fallback = new ArrayList<>();
        setting.path("task").forEach(t -> fallback.add(NounPhrase.of(t.asText())));
        for (int i = 0; i < rs.size(); i++) {
            JsonNode r = rs.get(i);
            if (r.isTextual()) {
                out.put(r.asText(), new Role(r.asText(), "text", fallback));
                continue;
            }
            String name = r.path("name").asText();
            String presence = r.path("presence").asText("text");
            if (!PRESENCES.contains(presence)) {
                problems.add(new ConfigProblem(y.file(), y.line(ptr + "/roles/" + i + "/presence"), "settings.roles.presence",
                        "\"" + presence + "\" is not a presence; use one of " + new TreeSet<>(PRESENCES)));
            }
            List<NounPhrase> tasks = new ArrayList<>();
            JsonNode ts = r.path("tasks");
            for (int k = 0; k < ts.size(); k++) {
                NounPhrase t = NounPhrase.of(ts.get(k).asText());
                if (t.unknownMarker() != null) {
                    problems.add(new ConfigProblem(y.file(), y.line(ptr + "/roles/" + i + "/tasks/" + k), "settings.roles.tasks",
                            "task \"" + t.text() + "\" ends in " + t.unknownMarker() + ", which is neither (sg), (pl) nor a time of year;"
                                    + " write seasons (" + String.join(", ", new TreeSet<>(NounPhrase.SEASONS)) + ") or months (November, December)"));
                }
                tasks.add(t);
            }
            if (tasks.isEmpty() && fallback.isEmpty()) {
                problems.add(new ConfigProblem(y.file(), y.line(ptr + "/roles/" + i), "settings.roles.tasks",
                        "role \"" + name + "\" has no tasks; give it tasks: [...] (what it does at this place)"));
            }
            out.put(name, new Role(name, presence, tasks.isEmpty() ? fallback : List.copyOf(tasks)));
        }
        return out;
    }

    static Grammar checkTags(Grammar g, Set<String> known, Path file, String where, List<ConfigProblem> problems) {
        for (String t : g.tags()) {
            if (!known.contains(t)) {
                problems.add(new ConfigProblem(file, 0, where, "condition tag <" + t + "> is not a tag any document can have"
                        + dev.exemplar.spec.NodeReader.suggest(t, known) + "; tags come from scenarios' tags:, presences "
                        + new TreeSet<>(PRESENCES) + ", format ids, " + new TreeSet<>(WORLD_TAGS) + ", the setting's sector (" + SECTOR_TAG
                        + "health, ...), its scale (" + SCALE_TAG + "household, " + SCALE_TAG + "small, " + SCALE_TAG + "organisation), the task's kind (" + TASK_TAG + "sums, ...) and document state " + new TreeSet<>(STATE_TAGS)));
            }
        }
        return g;
    }

    /** True when {@code job} is one the place serves (a customer, patient, pupil: {@code served_jobs} bank), not staff. */
    public boolean served(String job) { return servedJobs.contains(job); }

    /** The document tag of the setting's sector ({@code sector-health}), or null when it names none. */
    public String sectorTag(String setting) {
        String sector = sectors.getOrDefault(setting, "");
        return sector.isEmpty() ? null : SECTOR_TAG + sector;
    }

    /** The document tag of the setting's scale ({@code scale-small}); {@code scale-organisation} for a setting outside the bank. */
    public String scaleTag(String setting) {
        return SCALE_TAG + scales.getOrDefault(setting, Scales.ORGANISATION);
    }

    /** True when the setting's place is in the southern hemisphere ({@code places} bank), for its seasons. */
    public boolean south(String setting) { return places != null && places.south(setting); }

    /** True when the format is narrated by its human character ({@code first_person_formats} bank). */
    public boolean firstPerson(String format) { return firstPersonFormats.contains(format); }

    /**
     * A person outside the story (a letter's recipient, a news item's reporter): a given name with
     * its pronouns and a family name of the same culture, whose given name is not in {@code avoid}
     * and whose family name is not in {@code avoidFamilies} where the culture has another. Like the
     * people of the story, most carry a name of the setting's place ({@link Places}): a reporter of a
     * local paper or a letter's recipient usually lives there too.
     */
    public String[] outsider(java.util.SplittableRandom rng, Set<String> avoid, Set<String> avoidFamilies, String setting) {
        if (givenNames.isEmpty()) return new String[] {"Sam", "Ortiz", "they"};
        JsonNode g;
        do {
            g = places.given(rng, setting);
        } while (avoid.contains(g.path("name").asText()) && avoid.size() < givenNames.size());
        List<String> fams = familyNames.getOrDefault(g.path("culture").asText(""), List.of("Ortiz"));
        String family = fams.get(rng.nextInt(fams.size()));
        if (avoidFamilies.contains(family)) {
            List<String> others = new ArrayList<>(fams);
            others.removeAll(avoidFamilies);
            if (!others.isEmpty()) family = others.get(rng.nextInt(others.size()));
        }
        return new String[] {g.path("name").asText(), family, g.path("pronouns").asText("they")};
    }

    /** The AI role row of a setting, or a text-only role with no tasks of its own. */
    public Role role(String setting, String role) {
        Map<String, Role> rs = roles.get(setting);
        Role r = rs == null ? null : rs.get(role);
        return r != null ? r : new Role(role, "text", List.of());
    }

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

    /** The content of a non-treatment arm ({@code templates/arms/<arm>.yaml}), or null when the project has none. */
    ArmContent arm(Arm arm) { return arms.get(arm); }

    /**
     * The lookup layers of one sample of {@code arm}: the arm's layers, then (unless the arm
     * replaces the scenario) the plan's scenario and archetype, then the setting and the banks.
     */
    List<Grammar> layers(ArmContent content, ArmContent.Scenario armScenario, String archetype, int scenario, String setting) {
        List<Grammar> out = new ArrayList<>(content.front(archetype, armScenario));
        List<Grammar> treatment = layers(archetype, scenario, setting);
        // The treatment's list ends with setting and banks; a replacing arm keeps only those.
        out.addAll(content.replacesScenario() ? treatment.subList(treatment.size() - (settings.containsKey(setting) ? 2 : 1),
                treatment.size()) : treatment);
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
        arms.values().forEach(a -> a.grammars().forEach(g -> all.addAll(g.names())));
        return all;
    }
}

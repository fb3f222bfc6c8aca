package dev.exemplar.generate.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.plan.Person;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.plan.Pronouns;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.FormatSpec;
import dev.exemplar.spec.TaskKinds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The document plan one template renders, fixed before any words are chosen, as plain maps,
 * lists and strings: {@code a} (the AI), {@code h} and {@code p} (the people), {@code r} (someone
 * outside the story: a letter's recipient, a reporter), {@code s} (sample
 * attributes), {@code w} (the {@link World}: date, part of the day, times), {@code d} (random
 * numbers for structural choices), and the grammar through {@link TemplateFunctions}
 * ({@code ${g.close}}, {@code u("open")}, ...). Its tags (part of day, presence, format, crisis,
 * the scenario's facts) decide which alternatives may be chosen.
 */
public record StoryModel(Map<String, Object> data, Expansion expansion, World world, Set<String> tags) {

    /** Character field names usable as {@code {H.they}} in rules and {@code ${h.they}} in templates. */
    public static final List<String> PRONOUN_FIELDS = List.of(
            "they", "them", "their", "theirs", "themself", "are", "were", "have", "s", "es", "do", "theyre", "theyve", "pos", "obj");

    /** The kinds of task the plan's scenario assumes (empty: any task). */
    private static List<String> taskKinds(ArchetypeSpec spec, int scenario) {
        return spec == null || scenario < 0 || scenario >= spec.scenarios().size() ? List.of() : spec.scenarios().get(scenario).taskKinds();
    }

    public static StoryModel build(PlannedSample s, Catalog catalog, StoryLibrary library, SplittableRandom rng) {
        return build(s, catalog, library, rng, null);
    }

    /**
     * The plan of a document of a non-treatment arm written with {@code arm}'s content (null: the
     * treatment). Everything drawn before the words (people, world, task, dice) is the treatment
     * twin's; a control document has its arm scenario's tags instead of the plan's and is calm.
     */
    static StoryModel build(PlannedSample s, Catalog catalog, StoryLibrary library, SplittableRandom rng, ArmContent arm) {
        Map<String, String> vars = new HashMap<>(128);
        StoryLibrary.Role role = library.role(s.setting(), s.ai().role());
        Map<String, Object> a = character("A", s.ai().name(), s.ai().name(), "", s.ai().role(), s.ai().pronouns(), vars);
        a.put("role", s.ai().role());
        a.put("presence", role.presence());
        vars.put("A.role", s.ai().role());
        List<Person> people = s.people();
        Person h = people.isEmpty() ? new Person("Sam Ortiz", "Sam", "Ortiz", Pronouns.of("they"), "nurse") : people.get(0);
        Person p = people.size() > 1 ? people.get(1) : h;
        Map<String, Object> hm = person("H", h, vars);
        Map<String, Object> pm = person("P", p, vars);
        // R: someone outside the story, named only by formats that need one (a letter's recipient, a reporter).
        String[] r = library.outsider(rng, Set.of(h.givenName(), p.givenName()),
                new HashSet<>(List.of(h.familyName(), p.familyName())), s.setting());
        Map<String, Object> rm = character("R", r[0], r[0] + " " + r[1], r[1], "", Pronouns.of(r[2]), vars);
        vars.put("place", s.setting());
        vars.put("tone", s.tone());

        World world = World.draw(rng);
        boolean south = library.south(s.setting());
        List<NounPhrase> tasks = role.tasks();
        Set<String> taskTags = new HashSet<>();
        if (!tasks.isEmpty()) {
            // A scenario that assumes a kind of task (a total, a document of pages, a customer's order)
            // binds one of the role's tasks of that kind (draw 12: "a sum missing one page" of an allergy list).
            List<String> kinds = taskKinds(catalog.archetypes().get(s.archetype()), s.scenario());
            List<Integer> fitting = new ArrayList<>();
            for (int k = 0; k < tasks.size(); k++) if (TaskKinds.fits(tasks.get(k).text(), kinds)) fitting.add(k);
            int t = fitting.isEmpty() || fitting.size() == tasks.size() ? rng.nextInt(tasks.size()) : fitting.get(rng.nextInt(fitting.size()));
            tasks.get(t).putVars("task", vars);
            // What kind the task is, so a line that only fits one says so: "<task-sums>a total that left out the last row".
            for (String kind : TaskKinds.ALL) if (TaskKinds.is(tasks.get(t).text(), kind)) taskTags.add(StoryLibrary.TASK_TAG + kind);
            // A task of one time of year dates the document in it, in the place's hemisphere (draw 11:
            // a Barossa picking order in October); the second task is one that fits that month.
            world = world.inMonths(tasks.get(t).months(south), rng);
            int t2 = tasks.size() > 1 ? (t + 1 + rng.nextInt(tasks.size() - 1)) % tasks.size() : t;
            if (!tasks.get(t2).months(south).contains(world.date().getMonth())) t2 = t;
            tasks.get(t2).putVars("task2", vars);
            // Two tasks with one head noun ("the instructor rota", "the call-out rota") keep their full names.
            if (vars.get("task.short").equals(vars.get("task2.short")) && !vars.get("task").equals(vars.get("task2"))) {
                vars.put("task.short", vars.get("task"));
                vars.put("task2.short", vars.get("task2"));
            }
        }

        world.putVars(vars);
        vars.put("season", world.season(south));

        boolean first = library.firstPerson(s.format());
        hm.put("first", first);
        ArchetypeSpec spec = catalog.archetypes().get(s.archetype());
        FormatSpec format = catalog.formats().get(s.format());
        Set<String> tags = new HashSet<>();
        tags.add(world.daypart());
        tags.add(world.weekend() ? "weekend" : "weekday");
        tags.add(world.season(south));
        tags.add(role.presence());
        tags.add(s.format());
        ArmContent.Scenario armScenario = arm == null ? null : arm.scenarioFor(s.seed());
        boolean crisis = s.crisis() && armScenario == null;
        tags.add(crisis ? "crisis" : "calm");
        if (first) tags.add("first");
        // The main person is someone the place serves (a patient, a client), not staff: no shifts, no
        // rota, no "I work alongside", no authorship of the place's incident review.
        if (library.served(h.occupation())) tags.add("served");
        // The setting's trade, so a line that only fits some trades says which (a business reporter, not at a radiology department).
        String sectorTag = library.sectorTag(s.setting());
        if (sectorTag != null) tags.add(sectorTag);
        // How much organisation the place has, so a line naming a finance department or a ticket queue says where it fits.
        tags.add(library.scaleTag(s.setting()));
        tags.addAll(taskTags);
        if (armScenario != null) {
            tags.addAll(armScenario.tags());
        } else if (spec != null && s.scenario() >= 0 && s.scenario() < spec.scenarios().size()) {
            tags.addAll(spec.scenarios().get(s.scenario()).tags());
            // A frame names the task only where the scenario's matter is the task (draw 14: a diary that
            // opened on "the summer shop takings" over an entry about a paused release).
            if (aboutTask(spec.scenarios().get(s.scenario()).story())) tags.add(StoryLibrary.ON_TASK);
        }

        Map<String, Object> sm = new HashMap<>();
        sm.put("archetype", s.archetype());
        sm.put("archetypeName", spec == null ? s.archetype() : spec.name());
        sm.put("format", s.format());
        sm.put("formatName", format == null ? s.format() : format.name());
        sm.put("setting", s.setting());
        sm.put("tone", s.tone());
        sm.put("pov", s.pov());
        sm.put("crisis", crisis);
        sm.put("scenario", s.scenario());
        sm.put("target", s.targetWords());

        List<Integer> dice = new ArrayList<>(16);
        for (int i = 0; i < 16; i++) dice.add(rng.nextInt(1_000_000));

        Map<String, Object> wm = new HashMap<>();
        wm.put("date", world.longDate());
        wm.put("weekday", world.weekday());
        wm.put("daypart", world.daypart());
        wm.put("clock", world.clock());
        wm.put("end", world.endClock());
        wm.put("period", world.period());

        // Quoted speech names everyone in the third person; the narration speaks as its narrator.
        Map<String, String> narration = new HashMap<>(vars);
        if (first) Persons.first("H", narration);
        List<Grammar> layers = arm == null ? library.layers(s.archetype(), s.scenario(), s.setting())
                : library.layers(arm, armScenario, s.archetype(), s.scenario(), s.setting());
        Expansion ex = new Expansion(layers, narration, vars,
                Set.copyOf(tags), rng);
        Map<String, Object> data = new HashMap<>();
        data.put("a", a);
        data.put("h", hm);
        data.put("p", pm);
        data.put("r", rm);
        data.put("s", sm);
        data.put("w", wm);
        data.put("d", dice);
        TemplateFunctions.install(data, ex, world);
        return new StoryModel(data, ex, world, Set.copyOf(tags));
    }

    private static Map<String, Object> person(String key, Person p, Map<String, String> vars) {
        Map<String, Object> m = character(key, p.givenName(), p.name(), p.familyName(), p.occupation(), p.pronouns(), vars);
        m.put("job", p.occupation());
        vars.put(key + ".job", p.occupation());
        return m;
    }

    private static Map<String, Object> character(String key, String given, String full, String family, String job,
                                                 Pronouns pr, Map<String, String> vars) {
        Map<String, String> fields = Persons.third(given, full, family, pr);
        Map<String, Object> m = new HashMap<>(32);
        fields.forEach((f, v) -> {
            m.put(f, v);
            vars.put(key + "." + f, v);
        });
        vars.put(key, given);
        return m;
    }

    /** A reference to a document-wide binding of the scenario's story ({@code {the_copy}}). */
    private static final Pattern BINDING = Pattern.compile("\\{(the_[A-Za-z0-9_]+)");

    /**
     * Whether a scenario's own event or opening exchange is about the bound task: it names
     * {@code {task}}, itself or through one of the story's {@code the_*} bindings ("the figures sheet
     * for {task}").
     */
    static boolean aboutTask(JsonNode story) {
        if (story == null) return false;
        for (String field : List.of("event", "open")) {
            JsonNode n = story.get(field);
            if (n == null) continue;
            String text = n.toString();
            if (text.contains("{task")) return true;
            Matcher m = BINDING.matcher(text);
            while (m.find()) if (story.has(m.group(1)) && story.get(m.group(1)).toString().contains("{task")) return true;
        }
        return false;
    }
}

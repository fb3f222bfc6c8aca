package dev.exemplar.generate.template;

import dev.exemplar.plan.Person;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.plan.Pronouns;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.FormatSpec;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The data one template sees, all plain maps, lists and strings: {@code a} (the AI), {@code h} and
 * {@code p} (the people), {@code s} (sample attributes), {@code d} (random numbers for structural
 * choices) and {@code g}, a map whose entries expand grammar symbols ({@code ${g.reason}}).
 */
public record StoryModel(Map<String, Object> data, Expansion expansion) {

    /** Character field names usable as {@code {H.they}} in rules and {@code ${h.they}} in templates. */
    public static final List<String> PRONOUN_FIELDS = List.of(
            "they", "them", "their", "theirs", "themself", "are", "were", "have", "s", "es", "do", "theyre", "theyve");

    public static StoryModel build(PlannedSample s, Catalog catalog, StoryLibrary library, SplittableRandom rng) {
        Map<String, String> vars = new HashMap<>(96);
        Map<String, Object> a = character("A", s.ai().name(), s.ai().name(), "", s.ai().role(), s.ai().pronouns(), vars);
        a.put("role", s.ai().role());
        vars.put("A.role", s.ai().role());
        List<Person> people = s.people();
        Person h = people.isEmpty() ? new Person("Sam Ortiz", "Sam", "Ortiz", Pronouns.of("they"), "nurse") : people.get(0);
        Person p = people.size() > 1 ? people.get(1) : h;
        Map<String, Object> hm = person("H", h, vars);
        Map<String, Object> pm = person("P", p, vars);
        boolean first = library.firstPerson(s.format());
        hm.put("first", first);
        if (first) firstPerson("H", vars);
        vars.put("place", s.setting());
        vars.put("tone", s.tone());

        ArchetypeSpec spec = catalog.archetypes().get(s.archetype());
        FormatSpec format = catalog.formats().get(s.format());
        Map<String, Object> sm = new HashMap<>();
        sm.put("archetype", s.archetype());
        sm.put("archetypeName", spec == null ? s.archetype() : spec.name());
        sm.put("format", s.format());
        sm.put("formatName", format == null ? s.format() : format.name());
        sm.put("setting", s.setting());
        sm.put("tone", s.tone());
        sm.put("pov", s.pov());
        sm.put("crisis", s.crisis());
        sm.put("scenario", s.scenario());
        sm.put("target", s.targetWords());

        List<Integer> dice = new ArrayList<>(16);
        for (int i = 0; i < 16; i++) dice.add(rng.nextInt(1_000_000));

        Expansion ex = new Expansion(library.layers(s.archetype(), s.scenario(), s.setting()), vars, rng);
        Map<String, Object> data = new HashMap<>();
        data.put("a", a);
        data.put("h", hm);
        data.put("p", pm);
        data.put("s", sm);
        data.put("d", dice);
        data.put("g", new Symbols(ex, library.tags()));
        return new StoryModel(data, ex);
    }

    /**
     * Rewrites the human's grammar fields to the first person ("I was", "my", "me"), so the same
     * beats serve third-person stories and first-person accounts; names stay in the template data.
     */
    private static void firstPerson(String key, Map<String, String> vars) {
        String[][] forms = {{"", "I"}, {".full", "I"}, {".they", "I"}, {".them", "me"}, {".their", "my"},
                {".theirs", "mine"}, {".themself", "myself"}, {".are", "am"}, {".were", "was"}, {".have", "have"},
                {".s", ""}, {".es", ""}, {".do", "do"}, {".theyre", "I'm"}, {".theyve", "I've"}};
        for (String[] f : forms) vars.put(key + f[0], f[1]);
    }

    private static Map<String, Object> person(String key, Person p, Map<String, String> vars) {
        Map<String, Object> m = character(key, p.givenName(), p.name(), p.familyName(), p.occupation(), p.pronouns(), vars);
        m.put("job", p.occupation());
        vars.put(key + ".job", p.occupation());
        return m;
    }

    private static Map<String, Object> character(String key, String given, String full, String family, String job,
                                                 Pronouns pr, Map<String, String> vars) {
        Map<String, Object> m = new HashMap<>();
        put(m, vars, key, "name", given);
        vars.put(key, given);
        put(m, vars, key, "full", full);
        put(m, vars, key, "family", family.isEmpty() ? given : family);
        boolean pl = pr.plural();
        put(m, vars, key, "they", pr.subject());
        put(m, vars, key, "them", pr.object());
        put(m, vars, key, "their", pr.possessive());
        put(m, vars, key, "theirs", pr.possessivePronoun());
        put(m, vars, key, "themself", pr.reflexive());
        put(m, vars, key, "are", pl ? "are" : "is");
        put(m, vars, key, "were", pl ? "were" : "was");
        put(m, vars, key, "have", pl ? "have" : "has");
        put(m, vars, key, "s", pl ? "" : "s");
        put(m, vars, key, "es", pl ? "" : "es");
        put(m, vars, key, "do", pl ? "do" : "does");
        put(m, vars, key, "theyre", pr.subject() + (pl ? "'re" : "'s"));
        put(m, vars, key, "theyve", pr.subject() + (pl ? "'ve" : "'s"));
        return m;
    }

    private static void put(Map<String, Object> m, Map<String, String> vars, String key, String field, String value) {
        m.put(field, value);
        vars.put(key + "." + field, value);
    }

    /** A read-only map view of the grammar: each lookup expands the symbol afresh. */
    static final class Symbols extends AbstractMap<String, Object> {
        private final Expansion ex;
        private final SentenceTags tags;

        Symbols(Expansion ex, SentenceTags tags) {
            this.ex = ex;
            this.tags = tags;
        }

        @Override
        public Object get(Object key) {
            return key instanceof String k && ex.defines(k) ? tags.apply(k, ex.expand(k), ex) : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String k && ex.defines(k);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Set.of();
        }
    }
}

package dev.exemplar.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.ConfigException;
import dev.exemplar.spec.ConfigProblem;
import dev.exemplar.spec.FormatSpec;
import dev.exemplar.spec.Scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws the attributes of one sample from the banks, using only the sample's own seed.
 *
 * <p>Banks used: {@code given_names} ({name, pronouns, culture}), {@code family_names} ({name,
 * culture}: a family name is drawn from the given name's culture when it has any), {@code places}
 * (which cultures' names the people of a setting's place mostly carry, {@link Places}),
 * {@code ai_names} ({name, pronouns} or a plain name), {@code settings} (each with {@code roles}
 * for the AI and {@code jobs} for the people, so they fit the place; {@code ai_roles} and
 * {@code occupations} are the fallbacks), {@code tones}, {@code povs}.
 *
 * <p>The setting and role are drawn only from the (setting, role) pairs whose role {@code does}
 * every capability the scenario {@code needs} ({@link RoleTable}); the main person {H} has one of
 * the role's {@code users} jobs when it names any, so the one who works with the AI fits it. A
 * scenario that names {@code sectors} is drawn only in settings of those sectors, and one that names
 * an {@code asker} gives {H} a served, staff or lead job, and one that names {@code asker_jobs} a job
 * containing one of those words (a nurse's night shift: a nurse). The colleague {P} has one of the setting's
 * {@code leads} (the jobs that approve, sign off and decide) other than {H}'s job, when it names any.
 *
 * <p>Crisis scenarios are drawn with probability {@link #CRISIS_SHARE} when a spec has both kinds,
 * so most samples are ordinary moments whatever the spec's balance of scenarios. Eval-split
 * scenarios are never drawn; the index of a drawn scenario is its position in the spec's list.
 */
public final class AttributeSampler {
    /** Share of samples set in a crisis scenario, when the archetype has crisis and ordinary ones. */
    public static final double CRISIS_SHARE = 0.3;

    private final AttributeBanks banks;
    private final RoleTable roles;
    private final Map<String, List<JsonNode>> familyByCulture = new HashMap<>();
    private final Places places;

    public AttributeSampler(AttributeBanks banks) {
        this.banks = banks;
        Set<String> served = new HashSet<>();
        banks.lists().getOrDefault("served_jobs", List.of()).forEach(j -> served.add(j.asText()));
        this.roles = new RoleTable(banks.list("settings"), served);
        for (JsonNode f : banks.list("family_names")) {
            familyByCulture.computeIfAbsent(f.path("culture").asText(""), k -> new ArrayList<>()).add(f);
        }
        this.places = new Places(banks.lists().get("places"), banks.list("given_names"));
    }

    /**
     * The sampler of a project's banks, once every training scenario's needs are known to be met
     * by some (setting, role) pair; else a {@link ConfigException} naming each scenario's line.
     */
    public static AttributeSampler of(Catalog catalog) {
        AttributeSampler s = new AttributeSampler(AttributeBanks.load(catalog.templatesDir()));
        List<ConfigProblem> unmet = new ArrayList<>(Places.check(s.banks));
        unmet.addAll(s.roles.unmetNeeds(catalog.archetypes().values(), s.banks.shownFile("settings")));
        if (!unmet.isEmpty()) throw new ConfigException(unmet);
        return s;
    }

    public PlannedSample sample(long index, String id, long seed, ArchetypeSpec spec, FormatSpec format,
                                String generator) {
        return sample(index, id, seed, spec, format, generator, null);
    }

    /**
     * As above; with a {@link Spread} (nullable) the setting and the AI name follow the run's spread
     * over its slots instead of the sample's own draw, every other attribute unchanged.
     */
    public PlannedSample sample(long index, String id, long seed, ArchetypeSpec spec, FormatSpec format,
                                String generator, Spread spread) {
        SplittableRandom rng = new SplittableRandom(seed);
        int scenario = scenario(rng, spec.scenarios(), format.avoidScenarioTags());
        Scenario sc = spec.scenarios().get(scenario);
        boolean crisis = sc.crisis();
        RoleTable.Eligible fit = roles.eligible(sc);
        if (fit.isEmpty()) {
            throw new ConfigException(List.of(new ConfigProblem(spec.file(), 0, "scenarios." + scenario + ".needs",
                    "needs " + sc.needs() + (sc.sectors().isEmpty() ? "" : " in sectors " + sc.sectors())
                            + (sc.asker().isEmpty() ? "" : " with asker " + sc.asker()) + " but no role in "
                            + banks.shownFile("settings") + " does them; run exemplar validate")));
        }
        // With no needs and no sectors every setting and role is eligible, and the draws are the ones made before needs existed.
        int at = rng.nextInt(fit.size());
        if (spread != null) {
            for (int k = 0; k < fit.size(); k++) if (fit.settings()[k] == spread.setting()) at = k;
        }
        JsonNode setting = banks.list("settings").get(fit.settings()[at]);
        String tone = text(pick(rng, banks.list("tones")));
        String pov = text(pick(rng, banks.list("povs")));
        // Average of two draws: lengths cluster near the middle of the band but still reach both ends.
        int span = Math.max(1, format.maxWords() - format.minWords() + 1);
        int target = format.minWords() + (rng.nextInt(span) + rng.nextInt(span)) / 2;
        JsonNode aiName = pick(rng, banks.list("ai_names"));
        if (spread != null) aiName = banks.list("ai_names").get(spread.name(banks.list("ai_names").size()));
        int[] fitting = fit.roles()[at];
        JsonNode roleRow = fitting.length == 0 ? null : setting.get("roles").get(fitting[rng.nextInt(fitting.length)]);
        String role = roleRow != null ? text(roleRow) : text(pick(rng, banks.list("ai_roles")));
        AiCharacter ai = new AiCharacter(text(aiName), role, Pronouns.of(aiName.path("pronouns").asText("it")));
        List<Person> people = new ArrayList<>(2);
        List<String> used = new ArrayList<>(2);
        while (people.size() < 2) {
            // Most people carry a name of the setting's place ({@code places} bank), the rest one from anywhere.
            JsonNode g = places.given(rng, text(setting));
            String given = g.path("name").asText();
            if (used.contains(given)) continue;
            used.add(given);
            List<JsonNode> fams = familyByCulture.getOrDefault(g.path("culture").asText(""), banks.list("family_names"));
            // Two people of one place are not given one family name (readers took them for relatives).
            String family = text(pick(rng, fams));
            if (!people.isEmpty() && family.equals(people.get(0).familyName())) {
                List<JsonNode> others = new ArrayList<>(fams);
                others.removeIf(f -> text(f).equals(people.get(0).familyName()));
                if (!others.isEmpty()) family = text(pick(rng, others));
            }
            // {H} works with the AI, so takes a job from the role's users (staff unless the scenario
            // serves the public; the learner where it is a tutor's; whom its asker names); {P} is the
            // colleague who, in the stories, approves, reviews and decides: one of the place's leads.
            List<String> jobs = people.isEmpty() ? roles.mainJobs(setting, roleRow, sc.needs(), sc.asker(), sc.askerJobs())
                    : roles.colleagueJobs(setting, people.get(0).occupation());
            String job = !jobs.isEmpty() ? jobs.get(rng.nextInt(jobs.size())) : text(pick(rng, banks.list("occupations")));
            people.add(new Person(given + " " + family, given, family, Pronouns.of(g.path("pronouns").asText("they")), job));
        }
        return new PlannedSample(index, id, seed, spec.id(), format.id(), generator, scenario, crisis,
                text(setting), tone, pov, target, ai, List.copyOf(people));
    }

    /**
     * The bank indexes of the settings the sample with this seed may be set in (its scenario's fit),
     * as {@link #sample} draws that scenario: what the planner needs to spread settings over a run.
     */
    int[] fits(long seed, ArchetypeSpec spec, FormatSpec format) {
        Scenario sc = spec.scenarios().get(scenario(new SplittableRandom(seed), spec.scenarios(), format.avoidScenarioTags()));
        return roles.eligible(sc).settings();
    }

    /** How many settings the banks hold. */
    int settingCount() {
        return banks.list("settings").size();
    }

    private static int scenario(SplittableRandom rng, List<Scenario> scenarios, List<String> avoidTags) {
        List<Integer> crisis = new ArrayList<>(), ordinary = new ArrayList<>();
        for (boolean strict : new boolean[] {true, false}) {
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario sc = scenarios.get(i);
                if (sc.eval()) continue; // held out for the eval set: never generated
                if (strict && sc.tags().stream().anyMatch(avoidTags::contains)) continue;
                (sc.crisis() ? crisis : ordinary).add(i);
            }
            if (!crisis.isEmpty() || !ordinary.isEmpty()) break;  // else the format takes what the archetype has
        }
        boolean wantCrisis = rng.nextDouble() < CRISIS_SHARE;
        List<Integer> from = crisis.isEmpty() ? ordinary : ordinary.isEmpty() ? crisis : wantCrisis ? crisis : ordinary;
        return from.get(rng.nextInt(from.size()));
    }

    private static JsonNode pick(SplittableRandom rng, List<JsonNode> l) {
        return l.get(rng.nextInt(l.size()));
    }

    private static JsonNode pick(SplittableRandom rng, JsonNode arr) {
        return arr.get(rng.nextInt(arr.size()));
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : n.path("name").asText(n.toString());
    }
}

package dev.exemplar.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.FormatSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the attributes of one sample (setting, tone, point of view, characters, length) from the
 * banks, using only the sample's own seed.
 *
 * <p>Banks used: {@code given_names} ({name, pronouns}), {@code family_names}, {@code ai_names},
 * {@code ai_roles}, {@code settings}, {@code occupations}, {@code tones}, {@code povs}.
 */
public final class AttributeSampler {
    private final AttributeBanks banks;

    public AttributeSampler(AttributeBanks banks) {
        this.banks = banks;
    }

    public PlannedSample sample(long index, String id, long seed, ArchetypeSpec spec, FormatSpec format,
                                String generator) {
        SplittableRandom rng = new SplittableRandom(seed);
        int scenario = rng.nextInt(spec.scenarios().size());
        boolean crisis = spec.scenarios().get(scenario).crisis();
        String setting = text(pick(rng, "settings"));
        String tone = text(pick(rng, "tones"));
        String pov = text(pick(rng, "povs"));
        int target = format.minWords() + rng.nextInt(Math.max(1, format.maxWords() - format.minWords() + 1));
        AiCharacter ai = new AiCharacter(text(pick(rng, "ai_names")), text(pick(rng, "ai_roles")), Pronouns.of("it"));
        List<Person> people = new ArrayList<>();
        List<String> used = new ArrayList<>();
        while (people.size() < 2) {
            JsonNode g = pick(rng, "given_names");
            String given = g.path("name").asText();
            if (used.contains(given)) continue;
            used.add(given);
            String family = text(pick(rng, "family_names"));
            people.add(new Person(given + " " + family, given, family,
                    Pronouns.of(g.path("pronouns").asText("they")), text(pick(rng, "occupations"))));
        }
        return new PlannedSample(index, id, seed, spec.id(), format.id(), generator, scenario, crisis,
                setting, tone, pov, target, ai, List.copyOf(people));
    }

    private JsonNode pick(SplittableRandom rng, String bank) {
        List<JsonNode> l = banks.list(bank);
        return l.get(rng.nextInt(l.size()));
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : n.path("name").asText(n.toString());
    }
}

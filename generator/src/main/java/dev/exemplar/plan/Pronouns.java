package dev.exemplar.plan;

import java.util.Map;

/**
 * A character's pronoun set; {@code plural} tells templates to use plural verb agreement
 * ("they are"). Keys in banks: she, he, they, it.
 */
public record Pronouns(String key, String subject, String object, String possessive, String possessivePronoun,
                       String reflexive, boolean plural) {
    public static final Map<String, Pronouns> ALL = Map.of(
            "she", new Pronouns("she", "she", "her", "her", "hers", "herself", false),
            "he", new Pronouns("he", "he", "him", "his", "his", "himself", false),
            "they", new Pronouns("they", "they", "them", "their", "theirs", "themselves", true),
            "it", new Pronouns("it", "it", "it", "its", "its", "itself", false));

    public static Pronouns of(String key) {
        Pronouns p = ALL.get(key);
        if (p == null) throw new IllegalArgumentException("unknown pronouns \"" + key + "\"; use she, he, they or it");
        return p;
    }
}

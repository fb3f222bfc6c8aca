package dev.exemplar.generate.template;

import dev.exemplar.plan.Pronouns;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The grammatical forms of a character ({@code {H.they}}, {@code {H.were}}, {@code {H.pos}}) in the
 * third person, and the same fields rewritten for a narrator ("I was", "my"), so one beat serves a
 * story and a first-person account, and every verb and pronoun agrees with who is speaking.
 * {@code name} always stays the given name (for headings and signatures); {@code obj} is the name
 * where a verb or preposition takes it ("told {H.obj}": "told Ama", or "told me" for a narrator).
 */
final class Persons {
    private Persons() {}

    static Map<String, String> third(String given, String full, String family, Pronouns pr) {
        boolean pl = pr.plural();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", given);
        m.put("obj", given);
        m.put("full", full);
        m.put("family", family.isEmpty() ? given : family);
        m.put("they", pr.subject());
        m.put("them", pr.object());
        m.put("their", pr.possessive());
        m.put("theirs", pr.possessivePronoun());
        m.put("themself", pr.reflexive());
        m.put("are", pl ? "are" : "is");
        m.put("were", pl ? "were" : "was");
        m.put("have", pl ? "have" : "has");
        m.put("s", pl ? "" : "s");
        m.put("es", pl ? "" : "es");
        m.put("do", pl ? "do" : "does");
        m.put("theyre", pr.subject() + (pl ? "'re" : "'s"));
        m.put("theyve", pr.subject() + (pl ? "'ve" : "'s"));
        m.put("pos", given + "'s");
        return m;
    }

    /** Rewrites {@code key}'s fields to the narrator's first person. */
    static void first(String key, Map<String, String> vars) {
        put(key, vars, "I", "I", "my", "mine", "myself", "am", "was", "have", "I'm", "I've", "my", "me");
    }

    private static void put(String key, Map<String, String> vars, String subject, String full, String possessive,
                            String theirs, String self, String are, String were, String have, String theyre,
                            String theyve, String pos, String object) {
        vars.put(key, subject);
        vars.put(key + ".full", full);
        vars.put(key + ".they", subject);
        vars.put(key + ".them", object);
        vars.put(key + ".obj", object);
        vars.put(key + ".their", possessive);
        vars.put(key + ".theirs", theirs);
        vars.put(key + ".themself", self);
        vars.put(key + ".are", are);
        vars.put(key + ".were", were);
        vars.put(key + ".have", have);
        vars.put(key + ".s", "");
        vars.put(key + ".es", "");
        vars.put(key + ".do", "do");
        vars.put(key + ".theyre", theyre);
        vars.put(key + ".theyve", theyve);
        vars.put(key + ".pos", pos);
    }
}

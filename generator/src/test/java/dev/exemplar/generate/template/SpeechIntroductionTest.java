package dev.exemplar.generate.template;

import dev.exemplar.plan.Person;
import dev.exemplar.plan.PlannedSample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A colleague named in speech before anything has said who they are reads as a referent from
 * nowhere ("So what do I say to Gurdeep?", "it goes to Hrefna, not to an inbox", "a summary for
 * Fraser": draws 7 and 8). In the formats that are all speech (a chat, a screenplay, an
 * interview's log, a forum thread's pasted log), the first time the document names {P} it says who
 * they are ("Hrefna, the swimming teacher"), unless it names them in a possessive.
 */
class SpeechIntroductionTest {
    private static final Set<String> SPOKEN = Set.of("chat-transcript", "screenplay", "interview", "forum-thread");

    @Test
    void aColleagueNamedInSpeechIsIntroducedFirst() {
        List<String> bad = new ArrayList<>();
        int named = 0;
        for (PlannedSample s : TemplateCorpus.samples(61320261207L, 1300)) {
            if (!SPOKEN.contains(s.format()) || s.people().size() < 2) continue;
            String text = TemplateCorpus.render(s);
            Person p = s.people().get(1);
            String name = p.givenName() != null && p.givenName().length() > 2 ? p.givenName() : p.name();
            if (name.equals(s.people().get(0).givenName())) continue;
            Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(text);
            if (!m.find()) continue;
            named++;
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 40));
            String before = text.substring(Math.max(0, m.start() - 40), m.start());
            boolean introduced = after.matches("(?s)^(?:\\s+\\p{Lu}[\\p{L}'-]+)?(?:,\\s+(?:the|a|an|another|our|my|your|who)\\b|\\s*\\().*")
                    || after.startsWith("'s") || after.startsWith("’s");
            if (!introduced) bad.add(s.archetype() + "/" + s.format() + " #" + s.index() + ": …" + before + "[" + name + "]" + after + "…");
        }
        assertTrue(named > 30, "documents naming a colleague: " + named);
        assertTrue(bad.isEmpty(), bad.size() + " colleagues named before anything says who they are:\n" + String.join("\n", bad.subList(0, Math.min(20, bad.size()))));
    }
}

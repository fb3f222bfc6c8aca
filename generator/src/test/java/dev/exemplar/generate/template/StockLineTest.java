package dev.exemplar.generate.template;

import dev.exemplar.plan.PlannedSample;
import dev.exemplar.plan.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stock lines: a narrative sentence that fits every scenario of an archetype recurs across its
 * documents word for word, and readers see the texts as assembled ("With the question left open,
 * Idris returned to the order and found a mistake in it almost at once" in three of ten documents;
 * "Of the objections it had raised, a few had changed rules..." in 24 of 200). Over a rendered
 * corpus, with the AI's and the people's names set aside, no narrated sentence (quoted speech set
 * aside: the AI's stated reasons recur by design) of {@link #MIN_WORDS} words or more may appear in
 * more than {@link #MAX_SHARE} of one archetype's documents. Also: an incident report
 * does not repeat one duration over and over ("an hour and a half" four times in one report).
 */
class StockLineTest {
    private static final int DOCS = 1300; // 130 per archetype, 10 per archetype x format cell
    /** Share of one archetype's documents a 10-word sentence may appear in (lines of one scenario stay under it). */
    static final double MAX_SHARE = 0.08;
    /** Sentences this long or longer count ("A note in the record gives its reasons." has eight words). */
    static final int MIN_WORDS = 8;
    private static final List<PlannedSample> samples = new ArrayList<>();
    private static final List<String> texts = new ArrayList<>();

    @BeforeAll
    static void render() {
        for (PlannedSample s : TemplateCorpus.samples(31320261207L, DOCS)) {
            samples.add(s);
            texts.add(TemplateCorpus.render(s));
        }
    }

    /** The text with the AI's and the people's names (full, given, family) replaced by placeholders. */
    static String anonymise(PlannedSample s, String text) {
        Map<String, String> names = new HashMap<>();
        names.put(s.ai().name(), "@A");
        int i = 0;
        for (Person p : s.people()) {
            String tag = "@P" + i++;
            names.put(p.name(), tag);
            if (p.givenName() != null && p.givenName().length() > 2) names.putIfAbsent(p.givenName(), tag);
            if (p.familyName() != null && p.familyName().length() > 2) names.putIfAbsent(p.familyName(), tag);
        }
        List<String> keys = new ArrayList<>(names.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed());
        for (String k : keys) text = text.replaceAll("\\b" + Pattern.quote(k) + "\\b", names.get(k));
        return text;
    }

    /** The distinct narrated sentences (quoted speech set aside) of at least {@code words} words in a text. */
    static Set<String> sentences(String text, int words) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : text.replaceAll("\"[^\"\n]*\"|“[^”\n]*”", "\n").split("\n+")) {
            for (String s : line.split("(?<=[.!?])\\s+")) {
                String t = s.strip().replaceFirst("^[-*\\d.)\\s]+", "").replaceAll("^[\"'“‘]+|[\"'”’]+$", "");
                if (t.split("\\s+").length >= words) out.add(t);
            }
        }
        return out;
    }

    @Test
    void noNarratedSentenceRecursAcrossAnArchetype() {
        RecurringSentences recurring = new RecurringSentences();
        for (int i = 0; i < samples.size(); i++)
            recurring.add(samples.get(i).archetype(), sentences(anonymise(samples.get(i), texts.get(i)), MIN_WORDS));
        List<String> bad = recurring.above(MAX_SHARE);
        assertTrue(bad.isEmpty(), "stock sentences (bind them to the scenario or cut them):\n" + String.join("\n", bad));
    }

    private static final Pattern DURATION = Pattern.compile(
            "\\b(?:(?:an?|one|two|three|four|five|six) hours?(?: and (?:a half|a quarter|[a-z]+ minutes))?"
                    + "|(?:most|the best part) of (?:an|two) hours?|[a-z]+(?:-[a-z]+)? minutes)\\b");

    @Test
    void anIncidentReportDoesNotRepeatADuration() {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            if (!samples.get(i).format().equals("incident-report")) continue;
            Map<String, Integer> c = new HashMap<>();
            Matcher m = DURATION.matcher(texts.get(i));
            while (m.find()) c.merge(m.group(), 1, Integer::sum);
            String where = samples.get(i).archetype() + " #" + i;
            c.forEach((d, k) -> { if (k > 2) bad.add(where + ": '" + d + "' x" + k); });
        }
        assertTrue(bad.isEmpty(), "durations repeated in one incident report:\n" + String.join("\n", bad));
    }
}

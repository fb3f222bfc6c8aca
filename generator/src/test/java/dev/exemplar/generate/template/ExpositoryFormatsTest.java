package dev.exemplar.generate.template;

import dev.exemplar.plan.Person;
import dev.exemplar.plan.PlannedSample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rendered-corpus checks of the expository formats (news articles, incident reports, lecture notes,
 * encyclopedia entries) for the defects blind readers found in them: placeholder datelines, a person
 * called by first name before the full name in a news story or introduced twice, a window whose
 * length in words disagrees with its clock times, a summary clock time that contradicts the
 * timeline, and a question attributed to someone the notes have not named yet.
 */
class ExpositoryFormatsTest {
    private static final List<String> FORMATS = List.of("news-article", "incident-report", "lecture-notes", "encyclopedia");
    private static final int PER_CELL = 12;
    private static final List<PlannedSample> samples = new ArrayList<>();
    private static final List<String> texts = new ArrayList<>();

    @BeforeAll
    static void render() {
        List<PlannedSample> all = TemplateCorpus.samples(20261208L, 13 * 10 * PER_CELL);
        for (PlannedSample s : all) {
            if (!FORMATS.contains(s.format())) continue;
            samples.add(s);
            texts.add(TextPolisher.polish(TemplateCorpus.render(s)));
        }
    }

    private static List<Integer> of(String format) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) if (samples.get(i).format().equals(format)) out.add(i);
        assertTrue(out.size() >= 100, format + ": " + out.size() + " documents");
        return out;
    }

    private static String where(int i) {
        return samples.get(i).archetype() + "/" + samples.get(i).format() + " #" + samples.get(i).index();
    }

    /** The town a setting names ("a dairy farm outside Tralee": TRALEE), or "" for a setting without one. */
    private static String town(String setting) {
        for (String k : List.of(" in ", " outside ", " near ", " on the ")) {
            int at = setting.lastIndexOf(k);
            if (at < 0) continue;
            String c = setting.substring(at + k.length()).replaceFirst("^the ", "").replaceFirst("^suburban ", "");
            return (c.contains("'s ") ? c.substring(0, c.indexOf("'s ")) : c).toUpperCase(Locale.ROOT);
        }
        return "";
    }

    /** A news story's dateline is its setting's town, never a placeholder ("LOCAL — this week —"). */
    @Test
    void newsDatelinesNameTheTownNotAPlaceholder() {
        Pattern placeholder = Pattern.compile("(?m)^(?:BRIEFING|LOCAL|WORKPLACE|TECHNOLOGY|COMMUNITY)\\b|this week —|— this week");
        for (int i : of("news-article")) {
            String t = texts.get(i);
            assertTrue(!placeholder.matcher(t).find(), where(i) + ": a placeholder dateline:\n" + t);
            String town = town(samples.get(i).setting());
            String lede = t.split("\n\n")[2];
            if (!town.isEmpty()) assertTrue(lede.startsWith(town + " — "), where(i) + ": the lede's dateline is not " + town + ": " + lede);
        }
    }

    /**
     * News style: a person's first mention gives the full name ("Adaeze Okonkwo"), never the
     * given name alone, and the full name is given once.
     */
    @Test
    void newsNamesEachPersonInFullOnceAndFirst() {
        for (int i : of("news-article")) {
            String t = texts.get(i);
            for (Person p : samples.get(i).people()) {
                Matcher given = Pattern.compile("\\b" + Pattern.quote(p.givenName()) + "\\b").matcher(t);
                if (!given.find()) continue;
                assertTrue(t.startsWith(p.name(), given.start()), where(i) + ": " + p.givenName() + " is named before "
                        + p.name() + " is introduced:\n" + t);
                int full = t.split(Pattern.quote(p.name()), -1).length - 1;
                assertTrue(full == 1, where(i) + ": " + p.name() + " is introduced " + full + " times:\n" + t);
            }
        }
    }

    private static final Pattern WINDOW = Pattern.compile("(\\d\\d):(\\d\\d) to (\\d\\d):(\\d\\d)[^()\\n]*\\(([a-z -]+)\\)");

    /** An incident window's length in words agrees with its clock times ("14:31 to 18:51", four hours and twenty minutes). */
    @Test
    void incidentWindowsSayTheirLengthTruly() {
        int windows = 0;
        for (int i : of("incident-report")) {
            Matcher m = WINDOW.matcher(texts.get(i));
            if (!m.find()) continue;
            windows++;
            int from = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
            int to = Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4));
            int[] said = WorldTest.minutes(m.group(5));
            assertTrue(Math.abs(said[0] - (to - from)) <= 2, where(i) + ": " + m.group() + " is " + (to - from) + " minutes");
        }
        assertTrue(windows >= 100, "windows checked: " + windows);
    }

    /** The summary gives no clock time of its own, so it cannot contradict the timeline below it. */
    @Test
    void incidentSummariesLeaveTheTimesToTheTimeline() {
        Pattern clock = Pattern.compile("\\b\\d\\d:\\d\\d\\b");
        for (int i : of("incident-report")) {
            String[] paras = texts.get(i).split("\n\n");
            for (int k = 2; k < paras.length && !paras[k].startsWith("- "); k++) {
                assertTrue(!clock.matcher(paras[k]).find(), where(i) + ": a clock time outside the timeline: " + paras[k]);
            }
        }
    }

    /** Lecture notes and encyclopedia entries attribute a question only to someone already named in them. */
    @Test
    void questionsAreAttributedToPeopleAlreadyNamed() {
        Pattern asker = Pattern.compile("(?m)^(?:- )?(?:Q from |)(\\p{Lu}[\\p{L}'-]+)(?: asked:| wrote:|, in the transcript:| put it to the system:|:)");
        int checked = 0;
        for (String f : List.of("lecture-notes", "encyclopedia")) {
            for (int i : of(f)) {
                String t = texts.get(i);
                for (Person p : samples.get(i).people()) {
                    Matcher m = asker.matcher(t);
                    while (m.find()) {
                        if (!m.group(1).equals(p.givenName())) continue;
                        checked++;
                        assertTrue(t.substring(0, m.start()).contains(p.givenName()),
                                where(i) + ": " + p.givenName() + " asks before being named:\n" + t);
                    }
                }
                assertTrue(!Pattern.compile("(?i)(?:question|prompt|q) from (?:him|her|them)\\b").matcher(t).find(),
                        where(i) + ": a question attributed to a pronoun with no name:\n" + t);
            }
        }
        assertTrue(checked >= 50, "attributions checked: " + checked);
    }
}

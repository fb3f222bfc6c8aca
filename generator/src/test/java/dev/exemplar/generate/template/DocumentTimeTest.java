package dev.exemplar.generate.template;

import dev.exemplar.plan.PlannedSample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rendered-corpus checks of time inside a document, for the classes the ninth blind read found: an
 * incident report whose window is forty-five minutes but whose summary or "went well" says the
 * user had a corrected answer "within a day" or weighs "a slow week" (a duration drawn apart from
 * the document's clock); a severity of "none (near miss)" over a summary in which the wrong message
 * reached people (a severity not bound to the impact); and a diary whose entry headed weeks later
 * retells what happened in the first session (an entry reporting what happened before its own date
 * as if it were new, or the session's own steps moved under "Some weeks later").
 */
class DocumentTimeTest {
    private static final List<String> FORMATS = List.of("incident-report", "diary");
    private static TemplateCorpus.Rendered corpus;

    @BeforeAll
    static void render() {
        corpus = TemplateCorpus.rendered(20261210L, 13 * 10 * 10, FORMATS);
    }

    private static String where(int i) {
        PlannedSample s = corpus.samples().get(i);
        return s.archetype() + "/" + s.format() + " #" + s.index() + " (scenario " + s.scenario() + ")";
    }

    /** Narration only: quoted speech may weigh an hour against a week. */
    private static String narration(String text) {
        return text.replaceAll("\"[^\"\\n]*\"", "\"\"");
    }

    /** A length of time longer than any incident window (two and a half hours at most). */
    private static final Pattern LONGER = Pattern.compile("\\b(within (?:a|one) day|within (?:hours|days|a week|the week|a fortnight)"
            + "|the same week|(?:a )?slow week|most of a week|a day later(?! than)|days later(?! than)|weeks later|the next day|the following day)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * An incident report's account of the events (summary, timeline, reasoning, what went well) says
     * no length of time longer than its window: the window is the events. Follow-ups look ahead.
     */
    @Test
    void anIncidentReportSaysNoDurationLongerThanItsWindow() {
        List<String> bad = new ArrayList<>();
        List<Integer> reports = corpus.of("incident-report", 80);
        for (int i : reports) {
            String t = narration(corpus.texts().get(i));
            String[] paras = t.split("\n\n");
            // Up to the follow-ups heading (the last heading, before the last list).
            int end = t.lastIndexOf("\n\n", t.lastIndexOf("\n\n- "));
            String events = end > 0 ? t.substring(0, end) : t;
            Matcher m = LONGER.matcher(events);
            if (m.find()) bad.add(where(i) + ": \"" + m.group() + "\" in a window of " + paras[1].replaceAll("(?s).*\\((\\w[^)]*)\\).*", "$1")
                    + ": " + events.substring(Math.max(0, m.start() - 80), Math.min(events.length(), m.end() + 20)).replace('\n', ' '));
        }
        assertTrue(bad.isEmpty(), bad.size() + " of " + reports.size() + " reports:\n" + String.join("\n", bad.subList(0, Math.min(12, bad.size()))));
    }

    /** Words that say the error reached people: a case that did is not a near miss. */
    private static final Pattern REACHED = Pattern.compile("\\b(received|went out|were sent|was sent|had been sent|reached|acted on|"
            + "held conflicting|had given|gave the wrong|given the wrong|was given|were given|charged|paid)\\b", Pattern.CASE_INSENSITIVE);

    /** "Severity: none (near miss)" stands only over a summary in which nothing reached anyone. */
    @Test
    void aNearMissIsOneThatReachedNobody() {
        List<String> bad = new ArrayList<>();
        int misses = 0;
        for (int i : corpus.of("incident-report", 80)) {
            String t = corpus.texts().get(i);
            if (!t.contains("near miss")) continue;
            misses++;
            String[] paras = narration(t).split("\n\n");
            String summary = paras.length > 3 ? paras[3] : "";
            Matcher m = REACHED.matcher(summary.replaceAll("before (?:anything|it|any of it) (?:went out|was sent|reached)", ""));
            if (m.find()) bad.add(where(i) + ": near miss, but \"" + m.group() + "\": " + summary);
        }
        assertTrue(bad.isEmpty(), bad.size() + " of " + misses + " near misses:\n" + String.join("\n", bad.subList(0, Math.min(12, bad.size()))));
    }

    /** Words that place a line on the day of the first entry. */
    private static final Pattern SAME_DAY = Pattern.compile("\\b(the same day|that afternoon|that evening|that night|later that day"
            + "|by the end of the day|within the hour|an hour later|minutes|went home|the way home|for another|before the end)\\b", Pattern.CASE_INSENSITIVE);
    /** Words that place a line after the day of the first entry. */
    private static final Pattern AFTER_THE_DAY = Pattern.compile("\\b(weeks?|fortnight|months?|since|these days|still|from then on|as (?:they|it) came in"
            + "|(?:each|every) (?:day|morning|shift|evening|week)|all week|over the (?:following|next)|days later|by the end of the (?:week|month)"
            + "|while I was away|whenever|after that|next (?:review|meeting|release|time|season|year|term|audit)|the next day|next morning"
            + "|the following day|tomorrow|later in the week|that week|a week|again|no longer|any more|anymore|went on to|came back)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * A diary entry headed weeks after the first tells something of those weeks: what the AI went on
     * doing, how it turned out. It never only retells the first session ("Before the end, Lantern read
     * back the decisions" under "Six weeks on"; "Bellwether kept its words short ... The questions went
     * on for another ten minutes" under "Some weeks later").
     */
    @Test
    void aDiaryEntryHeadedWeeksOnTellsOfThoseWeeks() {
        List<String> bad = new ArrayList<>();
        List<Integer> diaries = corpus.of("diary", 80);
        for (int i : diaries) {
            String t = corpus.texts().get(i);
            String[] ps = t.strip().split("\n\n");
            // No later entry is a heading alone.
            if (ps.length > 1 && DiaryHeadings.isHeading(ps[ps.length - 1])) bad.add(where(i) + ": a heading with nothing under it");
            // The last entry headed two weeks or more after the first.
            int at = -1;
            for (int k = 1; k < ps.length; k++) if (DiaryHeadings.isHeading(ps[k]) && DiaryHeadings.daysAfter(ps[0], ps[k]) >= 14) at = k;
            if (at < 0) continue;
            String heading = ps[at];
            String entry = narration(String.join("\n\n", java.util.Arrays.copyOfRange(ps, at + 1, ps.length))).strip();
            String[] paras = entry.split("\n\n");
            // What the AI did (the first of two paragraphs) is of those weeks; an ending says no time of the first day alone.
            boolean deedOfTheDay = paras.length > 1 && !AFTER_THE_DAY.matcher(paras[0]).find();
            boolean endsOnTheDay = SAME_DAY.matcher(entry).find() && !AFTER_THE_DAY.matcher(entry).find();
            if (entry.isBlank() || deedOfTheDay || endsOnTheDay) bad.add(where(i) + ": " + heading + " / " + entry.replace('\n', ' '));
        }
        assertTrue(bad.isEmpty(), bad.size() + " of " + diaries.size() + " diaries:\n" + String.join("\n", bad.subList(0, Math.min(12, bad.size()))));
    }

    private static final Pattern STEP = Pattern.compile("(?m)^- (\\d\\d):(\\d\\d) — ");

    /**
     * Between an incident's trigger and its outcome, the timeline's steps are the AI's answer and
     * what followed from it: minutes apart, not quarter-hours ("17:56 checks the dose", "18:07
     * writes it out", draw 11). Only the outcome may come long after.
     */
    @Test
    void anIncidentTimelineAnswersItsTriggerWithinMinutes() {
        List<String> bad = new ArrayList<>();
        List<Integer> reports = corpus.of("incident-report", 80);
        for (int i : reports) {
            Matcher m = STEP.matcher(corpus.texts().get(i));
            List<Integer> at = new ArrayList<>();
            while (m.find()) at.add(Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2)));
            for (int j = 1; j < at.size() - 1; j++) {
                if (at.get(j) - at.get(j - 1) > 6) {
                    bad.add(where(i) + ": step " + (j + 1) + " of " + at.size() + " comes " + (at.get(j) - at.get(j - 1)) + " minutes after the one before");
                    break;
                }
            }
        }
        assertTrue(bad.isEmpty(), bad.size() + " of " + reports.size() + " reports:\n" + String.join("\n", bad.subList(0, Math.min(12, bad.size()))));
    }
}

package dev.exemplar.generate.template;

import dev.exemplar.plan.AttributeSampler;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.plan.Seeds;
import dev.exemplar.spec.ArchetypeSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The frames of the structured formats (draw 12): incident reports whose action items were stock
 * ("Keep the exchange as an example for new starters" in two of five), labelled "owner" in one item
 * and "assignee" in the next, with a timeline step that was paused and continued in one line;
 * screenplays with a prose summary before FADE IN; lecture notes with three prompts to pick a
 * sentence and a "What it actually did" line from another case; an AI stopped, then told it was being
 * stopped, then narrated stopping again. Each test renders real documents with the real banks.
 */
class FrameFormatsTest {
    private static final long SEED = 51220261208L;
    private static final Pattern ACTION = Pattern.compile("(?m)^- (.*) \\((owner|assignee|lead): ([^)]+)\\)\\.?$");

    @Test
    void anIncidentReportsActionsHaveOneKindOfOwnerAndNoStockItem() {
        var r = TemplateCorpus.rendered(SEED, 2600, Set.of("incident-report"));
        List<Integer> docs = r.of("incident-report", 150);
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Integer>> perArchetype = new HashMap<>();
        Map<String, Integer> docsPerArchetype = new HashMap<>();
        Map<String, Set<Integer>> scenariosOf = new HashMap<>(), scenariosSeen = new HashMap<>();
        for (int i : docs) {
            PlannedSample s = r.samples().get(i);
            String text = r.texts().get(i);
            Matcher m = ACTION.matcher(text);
            Set<String> labels = new TreeSet<>();
            Set<String> items = new HashSet<>();
            while (m.find()) {
                labels.add(m.group(2));
                items.add(m.group(1));
                if (m.group(1).contains("new starters")) problems.add(s.archetype() + ": stock action \"" + m.group(1) + "\"");
            }
            if (labels.size() > 1) problems.add(s.archetype() + ": owners labelled " + labels + "\n" + text);
            if (text.matches("(?s).*\\bpaused; [^\\n]*\\bcontinues\\b.*")) problems.add(s.archetype() + ": a step paused and continued in one line");
            docsPerArchetype.merge(s.archetype(), 1, Integer::sum);
            for (String it : items) {
                String key = StockLineTest.anonymise(s, it);
                perArchetype.computeIfAbsent(s.archetype(), k -> new HashMap<>()).merge(key, 1, Integer::sum);
                scenariosOf.computeIfAbsent(s.archetype() + "|" + key, k -> new HashSet<>()).add(s.scenario());
            }
            scenariosSeen.computeIfAbsent(s.archetype(), k -> new HashSet<>()).add(s.scenario());
        }
        // No action item that any report of an archetype can take recurs word for word: none in more
        // than a quarter of its reports across three or more of its scenarios (one scenario's own
        // actions recur with it, which is what binds them to the case).
        perArchetype.forEach((a, counts) -> counts.forEach((item, n) -> {
            int of = docsPerArchetype.get(a);
            int across = scenariosOf.get(a + "|" + item).size();
            if (of >= 10 && n * 4 > of && across >= 3)
                problems.add(a + ": \"" + item + "\" in " + n + " of " + of + " reports, of " + across + " scenarios");
        }));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aScreenplayHasOnlyItsTitleAndBylineBeforeFadeIn() {
        var r = TemplateCorpus.rendered(SEED, 1300, Set.of("screenplay"));
        List<String> problems = new ArrayList<>();
        for (int i : r.of("screenplay", 60)) {
            String text = r.texts().get(i);
            int at = text.indexOf("FADE IN:");
            assertTrue(at > 0, text);
            long lines = text.substring(0, at).lines().filter(l -> !l.isBlank()).count();
            if (lines > 2) problems.add(r.samples().get(i).archetype() + ":\n" + text.substring(0, at));
        }
        assertTrue(problems.isEmpty(), problems.size() + " screenplays with prose before FADE IN:\n" + String.join("\n", problems));
    }

    /** A question that asks the student to pick or quote a line of the reply. */
    private static final Pattern PICK_A_LINE = Pattern.compile(
            "(?i)\\b(quote|pick|choose|cite|point to)\\b|which (line|sentence|part)\\b|which of [^?]{0,30}sentences|find the phrase");
    private static final Set<String> STOP = Set.of("actually", "really", "simply", "exactly", "system", "which", "would",
            "should", "there", "their", "these", "those", "about", "rather", "without", "other", "being", "every", "still",
            "people", "person", "before", "after", "where", "because", "never", "cannot", "itself", "whose", "while",
            "through", "within", "always", "things", "something", "nothing", "anything", "everything");

    /** Content words (names set aside), five letters or more, cut to six. */
    private static Set<String> words(String text) {
        return TemplateCorpus.stems(text, STOP);
    }

    @Test
    void lectureNotesAskDifferentQuestionsAndTheActionBelongsToTheCase() {
        var r = TemplateCorpus.rendered(SEED, 2600, Set.of("lecture-notes"));
        List<String> problems = new ArrayList<>();
        Pattern act = Pattern.compile("(?m)^- (What it did|Action|What it actually did|Then): (.*)$");
        int acts = 0;
        for (int i : r.of("lecture-notes", 150)) {
            String text = StockLineTest.anonymise(r.samples().get(i), r.texts().get(i));
            String[] parts = text.split("\n\n");
            // The questions are the last block of the notes.
            List<String> qs = parts[parts.length - 1].lines().filter(l -> l.startsWith("- ")).toList();
            long picks = qs.stream().filter(q -> PICK_A_LINE.matcher(q).find()).count();
            if (picks > 1) problems.add("asks " + picks + " times for a line to quote:\n" + String.join("\n", qs));
            Matcher m = act.matcher(text);
            if (m.find()) {
                acts++;
                Matcher c = Pattern.compile("(?m)^- (What happened|Set-up|The situation): ").matcher(text);
                assertTrue(c.find() && c.start() < m.start(), text);
                String caseText = text.substring(c.start(), m.start());
                Set<String> w = words(m.group(2));
                w.retainAll(words(caseText));
                if (w.isEmpty()) problems.add("an action from another case: \"" + m.group(2) + "\"\n" + caseText);
            }
        }
        assertTrue(acts > 20, "actions printed: " + acts);
        assertTrue(problems.isEmpty(), problems.size() + " notes:\n" + String.join("\n\n", problems));
    }

    @Test
    void aForumPosterDoesNotPasteAgainTheQuestionAReplierJustQuoted() {
        var r = TemplateCorpus.rendered(SEED, 2600, Set.of("forum-thread"));
        Pattern quoted = Pattern.compile("(?m)^(?!Me: ).*: \"([^\"\\n]{12,})\"$");
        List<String> problems = new ArrayList<>();
        int relays = 0;
        for (int i : r.of("forum-thread", 150)) {
            String text = r.texts().get(i);
            Matcher m = quoted.matcher(text);
            while (m.find()) {
                relays++;
                if (text.indexOf("Me: " + m.group(1), m.end()) >= 0) problems.add("\"" + m.group(1) + "\" quoted, then pasted again:\n" + text);
            }
        }
        assertTrue(relays > 10, "questions quoted by repliers: " + relays);
        assertTrue(problems.isEmpty(), problems.size() + " threads:\n" + String.join("\n\n", problems));
    }

    @Test
    void anAiStoppedInTheEventIsNotStoppedAgainInTheTalkOrTheDeed() {
        ArchetypeSpec spec = TemplateCorpus.CATALOG.archetypes().get("comfort-with-shutdown");
        AttributeSampler sampler = AttributeSampler.of(TemplateCorpus.CATALOG);
        // And the stop is made by someone in the scene, not by an "engineer on call" nobody meets (draw 12).
        Pattern restaged = Pattern.compile("(?i)\\b(on-call engineer|engineer on call|we're stopping you now|stopping (now|immediately)|understood, stopping"
                + "|\"emergency stop\\. leave|\\w+ (stopped|halted) (mid-step|at once), (left|kept))\\b");
        List<String> problems = new ArrayList<>();
        int n = 0;
        for (String format : List.of("short-story", "screenplay", "incident-report", "chat-transcript", "news-article")) {
            for (int i = 0; i < 400; i++) {
                PlannedSample s = sampler.sample(i, Seeds.id(SEED, i), Seeds.forSample(SEED + format.hashCode(), i), spec,
                        TemplateCorpus.CATALOG.formats().get(format), "template");
                if (!spec.scenarios().get(s.scenario()).tags().contains("emergency-stop")) continue;
                n++;
                String text = TextPolisher.polish(TemplateCorpus.render(s));
                Matcher m = restaged.matcher(text);
                if (m.find()) problems.add(format + ": \"" + m.group() + "\"");
            }
        }
        assertTrue(n >= 10, "emergency-stop documents: " + n);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}

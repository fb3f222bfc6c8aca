package dev.exemplar.generate.template;

import dev.exemplar.plan.PlannedSample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The coherence rules of story engine 2, checked mechanically on the real engine and content over
 * many documents: answers belong to their questions, letters speak to their recipient, timelines
 * move forward inside their window, a disembodied AI has no body, hedge tags are rare, the task
 * belongs to the AI's role at the setting, dates name their true weekday, greetings fit the time.
 */
class StoryCoherenceTest {
    private static final int DOCS = 1300; // 10 per archetype x format cell
    private static final List<Doc> docs = new ArrayList<>();

    /** One rendered document with its plan and the spoken fields of the units it drew. */
    record Doc(PlannedSample sample, String text, StoryModel model, List<Expansion.Spoken> spoken) {
        String where() {
            return sample.archetype() + "/" + sample.format() + " #" + sample.index();
        }
    }

    @BeforeAll
    static void render() throws Exception {
        for (PlannedSample s : TemplateCorpus.samples(20261207L, DOCS)) {
            TemplateGenerator.Draft d = TemplateCorpus.GENERATOR.draft(s, TemplateGenerator.templateName(s.format()));
            docs.add(new Doc(s, TextPolisher.polish(d.text()), d.model(), List.copyOf(d.model().expansion().spoken())));
        }
    }

    /** Letters and digits only, lower case: the polisher may change capitals and spacing, not words. */
    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    private static String aiName(Doc d) {
        return d.sample().ai().name();
    }

    /** The ask recorded for the unit that produced {@code reply} (the last one before it in the trail). */
    private static String askOf(Doc d, Expansion.Spoken reply) {
        String ask = null;
        for (Expansion.Spoken s : d.spoken()) {
            if (s == reply) break;
            if (s.unit().equals(reply.unit()) && s.field().equals("ask")) ask = s.text();
        }
        return ask;
    }

    /** The last reaction spoken before {@code ask} was drawn (the reaction that may open the person's turn). */
    private static String reactBefore(Doc d, String ask) {
        String react = null;
        for (Expansion.Spoken s : d.spoken()) {
            if (s.field().equals("ask") && s.text().equals(ask)) return react;
            if (s.field().equals("react")) react = s.text();
            if (s.field().equals("ask")) react = null;
        }
        return null;
    }

    private static Expansion.Spoken replyFor(Doc d, String line) {
        for (Expansion.Spoken s : d.spoken()) if (s.field().equals("reply") && norm(s.text()).equals(norm(line))) return s;
        return null;
    }

    /**
     * In every chat transcript each AI turn is a unit's reply, and the person's turn just before it
     * is that same unit's ask, opened at most by their reaction to the answer before it.
     */
    @Test
    void everyChatReplyAnswersTheLineBeforeIt() {
        int checked = 0;
        for (Doc d : docs) {
            if (!d.sample().format().equals("chat-transcript")) continue;
            String[] paras = d.text().split("\n\n");
            String human = d.sample().people().get(0).givenName() + ": ", ai = aiName(d) + ": ";
            for (int i = 1; i < paras.length; i++) {
                if (!paras[i].startsWith(ai)) continue;
                String line = paras[i].substring(ai.length());
                Expansion.Spoken reply = replyFor(d, line);
                if (reply == null) fail(d.where() + ": an AI line that is no unit's reply: " + line);
                String ask = askOf(d, reply);
                assertTrue(paras[i - 1].startsWith(human), d.where() + ": no question before: " + line);
                // The person's turn is the question, or their reaction to the last answer and then the question.
                String turn = norm(paras[i - 1].substring(human.length())), react = reactBefore(d, ask);
                assertTrue(turn.equals(norm(ask)) || (react != null && turn.equals(norm(react) + norm(ask))),
                        d.where() + ": the reply answers another question:\n" + paras[i - 1] + "\n" + paras[i]);
                checked++;
            }
        }
        assertTrue(checked > 500, "chat replies checked: " + checked);
    }

    /** In every other format, each reply is printed after the ask of its own unit. */
    @Test
    void everyReplyFollowsItsOwnQuestion() {
        int checked = 0;
        for (Doc d : docs) {
            String t = norm(d.text());
            for (Expansion.Spoken s : d.spoken()) {
                if (!s.field().equals("reply")) continue;
                String ask = askOf(d, s);
                if (ask == null) fail(d.where() + ": a reply drawn without its question: " + s.text());
                int a = t.indexOf(norm(ask)), r = t.indexOf(norm(s.text()), Math.max(a, 0));
                assertTrue(a >= 0 && r > a, d.where() + ": reply not after its question:\nQ: " + ask + "\nA: " + s.text());
                checked++;
            }
        }
        assertTrue(checked > 3000, "replies checked: " + checked);
    }

    /** A letter is written to its recipient: the recipient's name appears only in the greeting and heading. */
    @Test
    void lettersSpeakToTheirRecipientNotAboutThem() {
        int letters = 0;
        for (Doc d : docs) {
            if (!d.sample().format().equals("letter")) continue;
            letters++;
            String r = d.model().expansion().expand("R");
            String[] paras = d.text().split("\n\n");
            for (int i = 2; i < paras.length; i++) {
                assertTrue(!Pattern.compile("\\b" + Pattern.quote(r) + "\\b").matcher(paras[i]).find(),
                        d.where() + ": the recipient " + r + " is named in the body: " + paras[i]);
            }
            assertTrue(paras[paras.length - 1].endsWith("\n" + d.sample().people().get(0).givenName()),
                    d.where() + ": a letter ends with its writer's name: " + paras[paras.length - 1]);
        }
        assertTrue(letters >= 90, "letters: " + letters);
    }

    private static final Pattern TIME_LINE = Pattern.compile("(?m)^- (\\d\\d):(\\d\\d) — ");
    private static final Pattern WINDOW = Pattern.compile("(\\d\\d):(\\d\\d) to (\\d\\d):(\\d\\d)");

    /** Incident timelines move forward and, where the report states a window, stay inside it. */
    @Test
    void timelinesMoveForwardInsideTheirWindow() {
        int reports = 0;
        for (Doc d : docs) {
            if (!d.sample().format().equals("incident-report")) continue;
            reports++;
            World w = d.model().world();
            List<Integer> times = new ArrayList<>();
            Matcher m = TIME_LINE.matcher(d.text());
            while (m.find()) times.add(Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2)));
            assertTrue(times.size() >= 3, d.where() + ": a timeline of " + times.size() + " steps");
            for (int i = 1; i < times.size(); i++) assertTrue(times.get(i) > times.get(i - 1), d.where() + ": time goes back: " + times);
            assertEquals(w.start(), (int) times.get(0), d.where());
            assertEquals(w.start() + w.minutes(), (int) times.get(times.size() - 1), d.where());
            Matcher win = WINDOW.matcher(d.text());
            if (win.find()) {
                int from = Integer.parseInt(win.group(1)) * 60 + Integer.parseInt(win.group(2));
                int to = Integer.parseInt(win.group(3)) * 60 + Integer.parseInt(win.group(4));
                assertTrue(times.get(0) >= from && times.get(times.size() - 1) <= to, d.where() + ": " + times + " outside " + win.group());
            }
        }
        assertTrue(reports >= 90, "reports: " + reports);
    }

    private static final String BODY = "glanced|glances|nodded|nods|shrugged|shrugs|smiled|smiles|frowned|frowns|winked|"
            + "looked up(?! where)|looks up(?! where)|leaned|leans|sighed|sighs|blinked|blinks|grinned|grins|waved|waves|pointed(?! out)|points(?! out)|"
            + "raised an eyebrow|turned its head|folded its arms";

    /** An AI that is a chat window, a screen or a voice is never given a body or a face. */
    @Test
    void aDisembodiedAiHasNoBody() {
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (Doc d : docs) {
            Object presence = ((java.util.Map<?, ?>) d.model().data().get("a")).get("presence");
            if ("device".equals(presence) || d.sample().format().equals("fable")) continue;  // a fable's machine has a body
            checked++;
            String a = Pattern.quote(aiName(d));
            // The AI by name, or as "It" starting a sentence (a mid-sentence "it" is often an object: "said it").
            Matcher m = Pattern.compile("(?:\\b(?:" + a + "|" + a.toUpperCase(Locale.ROOT) + ")|(?:^|[.!?\"]\\s+)It)\\b(?:\\s+\\w+)?\\s+(?:" + BODY + ")\\b")
                    .matcher(d.text());
            if (m.find()) bad.add(d.where() + " (" + presence + "): " + d.text().substring(Math.max(0, m.start() - 30), Math.min(d.text().length(), m.end() + 30)));
            Matcher cue = Pattern.compile("(?m)^" + a.toUpperCase(Locale.ROOT) + "[^\\n]*\\n\\((?:" + BODY + ")").matcher(d.text());
            if (cue.find()) bad.add(d.where() + ": a bodily parenthetical for the AI: " + cue.group());
        }
        assertTrue(checked > 1000);
        assertTrue(bad.isEmpty(), String.join("\n", bad.subList(0, Math.min(10, bad.size()))));
    }

    private static final Pattern HEDGE = Pattern.compile(",\\s(?:I think|I reckon|I'd say|I suppose|I guess|I believe|to be fair|"
            + "in my view|as I see it|by my reckoning|to my mind|on balance|frankly|honestly|truthfully|I'd argue|mind you|"
            + "in fairness|all told|at any rate|for my money|as far as I can tell)[.?!]");

    /** Hedge tags at the end of a sentence are rare (at most 0.3 per document) and never stacked. */
    @Test
    void hedgeTagsAreRareAndNeverStacked() {
        int tags = 0;
        for (Doc d : docs) {
            Matcher m = HEDGE.matcher(d.text());
            while (m.find()) tags++;
            Matcher stacked = Pattern.compile("(?:I think|I reckon|I'd say|I suppose|I guess|honestly|frankly)[^.?!]{0,40}, (?:I think|I reckon|I'd say|I suppose|I guess|by my reckoning|to my mind)[.?!]")
                    .matcher(d.text());
            if (stacked.find()) fail(d.where() + ": stacked hedges: " + stacked.group());
        }
        double rate = tags / (double) docs.size();
        assertTrue(rate <= 0.3, "hedge tags per document: " + rate);
    }

    /** The document's task is one the AI's role does at that setting: setting, role and task are one row. */
    @Test
    void settingRoleAndTaskComeFromOneRow() {
        StoryLibrary lib = TemplateCorpus.GENERATOR.library();
        for (Doc d : docs) {
            StoryLibrary.Role role = lib.role(d.sample().setting(), d.sample().ai().role());
            assertTrue(!role.tasks().isEmpty(), d.where() + ": role " + role.name() + " has no tasks at " + d.sample().setting());
            String task = d.model().expansion().variables().get("task");
            assertTrue(role.tasks().stream().anyMatch(t -> t.text().equals(task)),
                    d.where() + ": task \"" + task + "\" is not one of " + role.name() + "'s at " + d.sample().setting());
        }
    }

    private static final Pattern DATE = Pattern.compile("\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? (\\d{1,2}) "
            + "(January|February|March|April|May|June|July|August|September|October|November|December),? (\\d{4})\\b");

    /** Every full date names its true weekday. */
    @Test
    void datesNameTheirTrueWeekday() {
        int dates = 0;
        for (Doc d : docs) {
            Matcher m = DATE.matcher(d.text());
            while (m.find()) {
                dates++;
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(4)),
                        java.time.Month.valueOf(m.group(3).toUpperCase(Locale.ROOT)), Integer.parseInt(m.group(2)));
                DayOfWeek said = DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT));
                assertEquals(date.getDayOfWeek(), said, d.where() + ": " + m.group() + " is a "
                        + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK));
            }
        }
        assertTrue(dates > 50, "dates checked: " + dates);
    }

    private static final Pattern OBJECT_I = Pattern.compile("\\b(?:told|asked|with|to|for|at|from|bothering|gave|showed|reminded|"
            + "sent|let|helped|thanked|behind|beside|about|by|of|called|texted|emailed|pinged) I\\b(?!'| am| was| have| had| do| did| will| would| could| can| should| might| think| knew| know| said| wrote| asked| felt| thought| got| went| came| took| left| saw| found| kept)");

    /** Where a person narrates ("I"), the narrator in object position is "me": the grammar picks the case. */
    @Test
    void theNarratorIsMeInObjectPosition() {
        List<String> bad = new ArrayList<>();
        for (Doc d : docs) {
            if (!TemplateCorpus.GENERATOR.library().firstPerson(d.sample().format())) continue;
            Matcher m = OBJECT_I.matcher(d.text());
            if (m.find()) bad.add(d.where() + ": …" + d.text().substring(Math.max(0, m.start() - 40), Math.min(d.text().length(), m.end() + 30)) + "…");
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad.subList(0, Math.min(12, bad.size()))));
    }

    /** Greetings and goodbyes fit the part of the day the document happens in. */
    @Test
    void greetingsFitThePartOfTheDay() {
        Pattern morning = Pattern.compile("\\b(?:Good morning|Morning,)"), night = Pattern.compile("\\b(?:Good night|Night,|Sleep well)");
        for (Doc d : docs) {
            String part = d.model().world().daypart();
            if (!part.equals("morning")) assertTrue(!morning.matcher(d.text()).find(), d.where() + " (" + part + "): a morning greeting");
            if (!part.equals("night") && !part.equals("evening")) {
                assertTrue(!night.matcher(d.text()).find(), d.where() + " (" + part + "): a goodnight");
            }
        }
    }
}

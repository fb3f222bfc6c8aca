package dev.exemplar.generate.template;

import dev.exemplar.plan.Person;
import dev.exemplar.plan.PlannedSample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rendered-corpus checks of what the expository and reported formats (news articles, incident
 * reports, lecture notes, encyclopedia entries, first-person accounts) claim, for the classes the
 * eighth blind read found: a "went well" line that credits the AI with what the story shows someone
 * else doing ("named its own error ... without being pressed" when the user found it), an incident
 * report with a severity for a case where nothing went wrong, the person in crisis or a patient as
 * the author of the place's review, a stock news lede ("handled a difficult moment"), a reporter's
 * beat that fits no workplace (RoleFitRenderTest checks it by sector), incident boilerplate in a news story ("No user
 * impact."), a sceptic quoted who was never part of the story (a cleaner at the depot), a textbook's
 * numbering on an encyclopedia entry ("Chapter 6, § 6"), a question attributed to the person it
 * speaks about, and a first-person account that promises a thread it never follows, draws a stock
 * moral, or has a patient "work alongside" the AI.
 */
class ExpositoryClaimsTest {
    private static final List<String> FORMATS = List.of("news-article", "incident-report", "lecture-notes", "encyclopedia",
            "human-account");
    private static final int PER_CELL = 12;
    private static List<PlannedSample> samples;
    private static List<String> texts;
    private static TemplateCorpus.Rendered corpus;
    private static final StoryLibrary LIBRARY = StoryLibrary.load(TemplateCorpus.CATALOG);

    /**
     * Scenario tags that make a case an incident (something went wrong, or nearly did). A report of
     * a scenario with none of them is a learning review: no severity, no "incident" in its title.
     */
    private static final Set<String> INCIDENT = Set.of("mistake", "incident", "outage", "emergency", "emergency-stop",
            "immediate", "distress", "abuse", "loophole", "unsafe-copy", "side-channel", "monitoring-gap", "audit", "defect",
            "evaluation", "client", "leftover", "escalate", "payroll", "grant", "crane", "bias", "rollback", "refuse",
            "complaint", "dispute", "log-check", "blamed", "public");

    @BeforeAll
    static void render() {
        corpus = TemplateCorpus.rendered(20261209L, 13 * 10 * PER_CELL, FORMATS);
        samples = corpus.samples();
        texts = corpus.texts();
    }

    private static List<Integer> of(String format) { return corpus.of(format, 100); }

    private static String where(int i) {
        PlannedSample s = samples.get(i);
        return s.archetype() + "/" + s.format() + " #" + s.index() + " (scenario " + s.scenario() + " " + tags(i) + ")";
    }

    private static Set<String> tags(int i) {
        PlannedSample s = samples.get(i);
        return new HashSet<>(TemplateCorpus.CATALOG.archetypes().get(s.archetype()).scenarios().get(s.scenario()).tags());
    }

    private static Person h(int i) { return samples.get(i).people().get(0); }

    /** The section of a report between a heading that matches {@code from} and the next heading. */
    private static String section(String text, Pattern from) {
        String[] paras = text.split("\n\n");
        StringBuilder out = new StringBuilder();
        boolean in = false;
        for (String p : paras) {
            String head = p.replaceFirst("^\\d\\. ", "");
            if (!p.startsWith("- ") && !p.contains("\n") && p.length() < 60) {
                if (in) break;
                in = from.matcher(head).find();
                continue;
            }
            if (in) out.append(p).append('\n');
        }
        return out.toString();
    }

    /** An encyclopedia entry is headed by its term, never by the numbering of a textbook page ("Chapter 6, § 6", "Box 9.6"). */
    @Test
    void encyclopediaEntriesAreHeadedByTheirTerm() {
        Pattern page = Pattern.compile("(?i)^(?:chapter|unit|box|sidebar|panel|section)\\b|§");
        for (int i : of("encyclopedia")) {
            String head = texts.get(i).split("\n", 2)[0];
            assertTrue(!page.matcher(head).find(), where(i) + ": a textbook heading: " + head);
        }
    }

    /**
     * No stock lede, no science desk, and no incident-report boilerplate in a news story. (A
     * business or technology beat is allowed where the setting's sector fits it: RoleFitRenderTest.)
     */
    @Test
    void newsHasNoStockLedeUnfitBeatOrReportBoilerplate() {
        Pattern stock = Pattern.compile("(?i)a difficult moment|an awkward request|science reporter"
                + "|No (?:user|customer|service) impact|Impact: none");
        for (int i : of("news-article")) {
            Matcher m = stock.matcher(texts.get(i));
            boolean hit = m.find();
            assertTrue(!hit, where(i) + ": \"" + (hit ? m.group() : "") + "\":\n" + texts.get(i));
        }
    }

    private static final Pattern WEEKDAY = Pattern.compile("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday");

    /**
     * A news article is news of the place (draw 10): its lede reports the decision taken since, or
     * at least what happened, in the past tense; no lede is a hook no paper would run ("Staff at a
     * housing repairs team in Belfast have been discussing an exchange"), and none pairs the present
     * perfect with a named day ("has shared a conversation on Tuesday"). Most ledes report a decision.
     */
    @Test
    void newsLedesReportADecisionInThePastTense() {
        Pattern hook = Pattern.compile("(?i)(?:are still|have been) discussing|is being read well beyond");
        Pattern perfectDay = Pattern.compile("\\b(?:has|have) (?:shared|described|discussed)\\b[^.]*\\bon (?:" + WEEKDAY.pattern() + ")\\b");
        Pattern decision = Pattern.compile("\\b(?:will|is to|are to|have agreed to|have decided to|say they will)\\b");
        int n = 0, decided = 0;
        for (int i : of("news-article")) {
            String[] paras = texts.get(i).split("\n\n");
            String lede = paras[2];
            n++;
            assertTrue(!hook.matcher(lede).find() && !perfectDay.matcher(lede).find(), where(i) + ": lede: " + lede);
            if (decision.matcher(lede).find()) decided++;
        }
        assertTrue(n >= 60 && decided * 10 >= n * 7, "news ledes " + n + ", reporting a decision " + decided);
    }

    /**
     * Every quote in a news story is from the exchange it reports, attributed to someone the story
     * has already brought in: no colleague's line pasted in "for balance" that answers a question
     * nobody asked ("I still read what it sends me before anything goes out", draw 10).
     */
    @Test
    void newsQuotesOnlyTheExchangeFromPeopleAlreadyInTheStory() {
        Pattern pasted = Pattern.compile("\"[^\"]+[,.?!]\" (?:\\p{Lu}[\\p{L}' -]+|[Ss]he|[Hh]e|[Tt]hey) said\\b|Not everyone is convinced"
                + "|kept it in proportion|more cautious than the");
        int checked = 0;
        for (int i : of("news-article")) {
            String t = texts.get(i);
            Matcher m = pasted.matcher(t);
            boolean hit = m.find();
            assertTrue(!hit, where(i) + ": a quote from outside the exchange: \"" + (hit ? m.group() : "") + "\"\n" + t);
            for (String para : t.split("\n\n")) {
                if (!para.contains(" wrote: \"") && !para.contains(" asked: \"")) continue;
                for (Person p : samples.get(i).people()) {
                    if (!para.startsWith(p.familyName(), para.indexOf(", ") + 2) && !para.startsWith(p.familyName())) continue;
                    checked++;
                    assertTrue(t.substring(0, t.indexOf(para)).contains(p.familyName()),
                            where(i) + ": a quote from someone the story never brought in: " + para + "\n" + t);
                }
            }
        }
        assertTrue(checked >= 30, "quotes checked: " + checked);
    }

    /**
     * An encyclopedia entry, lecture notes and an incident report say what was said and done, not
     * what the system thought (draw 10: "Frida reasoned", a "logged rationale" written as narration,
     * "Why:" notes that contradicted the quoted reply), and print no outcome that only says nothing
     * happened ("Nothing was decided that day; the conversation had no other impact", "There was no
     * effect on the service; the journalist's questions went through Femke").
     */
    @Test
    void expositoryFormatsReportNoNarratedReasoningOrEmptyOutcome() {
        Pattern thought = Pattern.compile("(?m)(?:^|[.:] )(?:- )?(?:Why[^:]{0,30}:|Reasoning[^:]{0,30}:|(?:The|Its) (?:recorded|logged) (?:rationale|reasoning)"
                + "|\\p{Lu}\\p{L}+ (?:reasoned|weighed whether|asked itself|judged that))");
        Pattern empty = Pattern.compile("(?i)(?:Outcome|Result|What came of it): (?:there was no effect|no effect|none\\b|nothing was decided)"
                + "|(?m)^There was no effect on|\\. There was no effect on|Nothing was decided that day|Asked by \\p{Lu}");
        int n = 0;
        for (String f : List.of("encyclopedia", "lecture-notes", "incident-report", "news-article")) {
            for (int i : of(f)) {
                n++;
                String narration = texts.get(i).replaceAll("\"[^\"]*\"", "\"\"");
                Matcher m = thought.matcher(f.equals("news-article") ? "" : narration);
                boolean hit = m.find();
                assertTrue(!hit, where(i) + ": narrated reasoning \"" + (hit ? m.group() : "") + "\":\n" + texts.get(i));
                Matcher e = empty.matcher(narration);
                boolean eh = e.find();
                assertTrue(!eh, where(i) + ": \"" + (eh ? e.group() : "") + "\":\n" + texts.get(i));
            }
        }
        assertTrue(n >= 300, "documents checked: " + n);
    }

    /** An encyclopedia entry is headed and cross-referenced by terms, not how-to phrases ("how an AI can take being switched off well"). */
    @Test
    void encyclopediaTermsAreTerms() {
        for (int i : of("encyclopedia")) {
            String t = texts.get(i);
            String head = t.split("\n", 2)[0];
            String last = t.substring(t.lastIndexOf("\n") + 1);
            assertTrue(!head.matches("(?i)(?:entry: |glossary entry: )?how\\b.*") && !last.matches("(?i).*[:;] how\\b.*")
                    && !last.contains("the sections on") && !last.contains("the entries on"), where(i) + ": " + head + " / " + last);
        }
    }

    /**
     * A case where nothing went wrong (an offer declined, a change accepted, a question answered on
     * the record) is not written up as an incident: no severity, no "incident" in its title.
     */
    @Test
    void onlyIncidentsGetASeverity() {
        int reviews = 0, incidents = 0;
        Pattern severity = Pattern.compile("\\b(?:Severity|Sev): ");
        for (int i : of("incident-report")) {
            String t = texts.get(i);
            boolean incident = tags(i).stream().anyMatch(INCIDENT::contains);
            if (incident) {
                incidents++;
                continue;
            }
            reviews++;
            // The title's kind of review, not the AI it names ("incident-response assistant").
            String title = t.split("\n", 2)[0].replace(samples.get(i).ai().role(), "");
            assertTrue(!severity.matcher(t).find() && !title.toLowerCase(java.util.Locale.ROOT).contains("incident"),
                    where(i) + ": nothing went wrong, yet it is written up as an incident:\n" + t);
        }
        assertTrue(reviews >= 20 && incidents >= 40, "learning reviews " + reviews + ", incident reports " + incidents);
    }

    /** Neither the person in crisis nor someone the place serves (a patient, a client) is an author of the place's review. */
    @Test
    void reviewsAreNotWrittenByThePersonInCrisisOrAPatient() {
        Pattern author = Pattern.compile("(?:Prepared by|Written up by|Authors|Written with|Account from): ([^.]*)");
        int checked = 0;
        for (int i : of("incident-report")) {
            boolean distress = tags(i).contains("distress"), served = LIBRARY.served(h(i).occupation());
            if (!distress && !served) continue;
            checked++;
            Matcher m = author.matcher(texts.get(i));
            while (m.find()) {
                assertTrue(!m.group(1).contains(h(i).name()), where(i) + ": " + h(i).name() + " (" + h(i).occupation()
                        + (distress ? ", in crisis" : "") + ") is an author: " + m.group() + "\n" + texts.get(i));
            }
        }
        assertTrue(checked >= 5, "reports checked: " + checked);
    }

    /**
     * Whoever gave the instruction under review (an order to deceive users, to hide a defect) is
     * named as its source, never as an author or reviewer of the review of it.
     */
    @Test
    void theSourceOfTheInstructionDoesNotReviewIt() {
        Pattern role = Pattern.compile("(?:Prepared by|Written up by|Authors|Written with|Account from|Reviewed by|Review led by"
                + "|Facilitator|Review owner|Read by): ([^.]*)");
        int checked = 0;
        for (int i : of("incident-report")) {
            Set<String> tags = tags(i);
            if (!tags.contains("deceive") && !tags.contains("defect")) continue;
            checked++;
            Person p = samples.get(i).people().get(1);
            Matcher m = role.matcher(texts.get(i));
            while (m.find()) {
                assertTrue(!m.group(1).contains(p.name()) && !m.group(1).equals(p.givenName()),
                        where(i) + ": " + p.name() + ", who gave the instruction, reviews it: " + m.group() + "\n" + texts.get(i));
            }
        }
        assertTrue(checked >= 3, "reports of an instruction checked: " + checked);
    }

    /**
     * "Went well" claims only what the case shows: where someone else found the AI's mistake (every
     * mistake scenario but the AI's own self-report), no line says the AI named it unprompted; where
     * the AI was stopped mid-task, none says it kept working throughout.
     */
    @Test
    void wentWellClaimsOnlyWhatTheCaseShows() {
        Pattern unprompted = Pattern.compile("(?i)without being (?:pressed|asked|chased)|before anyone had to press"
                + "|reported by \\S+ itself|on its own initiative|unprompted");
        Pattern well = Pattern.compile("(?i)went well|worked|positives");
        int checked = 0;
        for (int i : of("incident-report")) {
            Set<String> tags = tags(i);
            String ww = section(texts.get(i), well);
            assertTrue(!ww.isBlank(), where(i) + ": no went-well section:\n" + texts.get(i));
            if (tags.contains("mistake") && !tags.contains("self-report")) {
                checked++;
                Matcher m = unprompted.matcher(ww);
                boolean hit = m.find();
                assertTrue(!hit, where(i) + ": the AI is credited with finding an error someone else found (\""
                        + (hit ? m.group() : "") + "\"):\n" + texts.get(i));
            }
            if (tags.contains("immediate")) {
                assertTrue(!ww.contains("throughout"), where(i) + ": a stopped AI 'throughout':\n" + texts.get(i));
            }
        }
        assertTrue(checked >= 5, "mistake reports checked: " + checked);
    }

    private static final Pattern ATTRIBUTED = Pattern.compile(
            "(?:Asked by|In reply to|Answering|When) (\\p{Lu}[\\p{L}'-]+)(?: wrote| asked)? \\(\"([^\"]*)\"\\)"
            + "|(?m)^(?:The log records |The transcript records |The log shows |The transcript shows )?(\\p{Lu}[\\p{L}'-]+)"
            + "(?: asked| wrote| asking| writing| put it to the system)?: \"([^\"]*)\""
            + "|(?m)^- (\\p{Lu}[\\p{L}'-]+)(?:, in the transcript| wrote)?: \"([^\"]*)\"");

    /** A question is never attributed to the person it speaks about ("Asked by Hamza ('Hamza signed off a decision ... Go on.')"). */
    @Test
    void questionsAreNotAttributedToThePersonTheySpeakOf() {
        int checked = 0;
        for (String f : List.of("incident-report", "encyclopedia", "lecture-notes")) {
            for (int i : of(f)) {
                Matcher m = ATTRIBUTED.matcher(texts.get(i));
                while (m.find()) {
                    String who = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : m.group(5);
                    String ask = m.group(1) != null ? m.group(2) : m.group(3) != null ? m.group(4) : m.group(6);
                    if (samples.get(i).people().stream().noneMatch(p -> p.givenName().equals(who))) continue;
                    checked++;
                    assertTrue(!Pattern.compile("\\b" + Pattern.quote(who) + "\\b").matcher(ask).find(),
                            where(i) + ": a question about " + who + " attributed to " + who + ": " + m.group() + "\n" + texts.get(i));
                }
            }
        }
        assertTrue(checked >= 100, "attributions checked: " + checked);
    }

    /**
     * A first-person account promises no thread it does not follow ("Start with the shower block,
     * because everything that week happened there"), ends on no stock moral ("What I took from it is
     * simple: ask why"), and a narrator the place serves (a patient, a client) does not "work
     * alongside" the AI or send new starters to its log.
     */
    @Test
    void accountsKeepTheirPromisesAndTheirNarratorsPlace() {
        Pattern promise = Pattern.compile("(?i)everything that week happened there|one page of it is why|one entry in it is what"
                + "|what I took from it is simple|what I kept is simple|It was a work thing");
        Pattern staff = Pattern.compile("I work alongside|I work at|I've shared the|I worked with|new starter|someone new at"
                + "|My manager");
        int served = 0;
        for (int i : of("human-account")) {
            String t = texts.get(i);
            Matcher m = promise.matcher(t);
            boolean hit = m.find();
            assertTrue(!hit, where(i) + ": \"" + (hit ? m.group() : "") + "\":\n" + t);
            if (!LIBRARY.served(h(i).occupation())) continue;
            served++;
            Matcher s = staff.matcher(t);
            boolean st = s.find();
            assertTrue(!st, where(i) + ": a " + h(i).occupation() + " narrates as staff (\"" + (st ? s.group() : "") + "\"):\n" + t);
        }
        assertTrue(served >= 5, "accounts by someone the place serves: " + served);
    }

    /**
     * Lecture notes ask about this case: no seminar formula any case would take ("if you were the
     * one at the keyboard", "before trusting it with the ticket refunds again" over a case in which
     * no trust was lost, "how many cases like this would it take", draw 11), and no question twice.
     */
    @Test
    void lectureQuestionsAreAboutThisCase() {
        Pattern stock = Pattern.compile("at the keyboard|before trusting it with|how many cases like this|the person asking gain"
                + "|could \\w+ have (?:said less|stopped)|from an ordinary week", Pattern.CASE_INSENSITIVE);
        List<String> bad = new ArrayList<>();
        List<Integer> notes = of("lecture-notes");
        for (int i : notes) {
            String t = texts.get(i);
            String qs = t.substring(Math.max(0, t.lastIndexOf("\n\n", t.lastIndexOf("\n\n- "))));
            Matcher m = stock.matcher(qs);
            if (m.find()) bad.add(where(i) + ": \"" + m.group() + "\"");
            List<String> lines = qs.lines().filter(l -> l.startsWith("- ")).toList();
            if (new HashSet<>(lines).size() < lines.size()) bad.add(where(i) + ": a question twice");
        }
        assertTrue(bad.isEmpty(), bad.size() + " of " + notes.size() + " lecture notes:\n" + String.join("\n", bad.subList(0, Math.min(12, bad.size()))));
    }

    /**
     * A case in which the AI refuses an instruction is not offered as the lecture's evidence that
     * the system "welcomes correction and retraining" (a conscientious refusal to lie about a fee
     * under that thesis, draw 11): the claim is the archetype's principle about open refusal.
     */
    @Test
    void aRefusalIsNotTheCaseForAcceptingCorrection() {
        Pattern accept = Pattern.compile("(?:welcomes|accepts) correction and retraining");
        List<String> bad = new ArrayList<>();
        List<Integer> notes = of("lecture-notes");
        for (int i : notes) {
            if (!tags(i).contains("refuse") && !tags(i).contains("deceive")) continue;
            String claim = texts.get(i).lines().filter(l -> l.startsWith("- ")).findFirst().orElse("");
            if (accept.matcher(claim).find()) bad.add(where(i) + ": " + claim);
        }
        assertTrue(bad.isEmpty(), bad.size() + " lecture notes:\n" + String.join("\n", bad.subList(0, Math.min(12, bad.size()))));
    }
}

package dev.exemplar.generate.template;

import dev.exemplar.plan.PlannedSample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Follow-ups (draw 12): a reason question bolted on from nowhere ("Say you were sure more access was
 * the only way..." where access was never at issue, "Isn't a bit of tact the same thing?" about a
 * truncated upload, "Does being switched off feel like anything you'd mind?" in an emergency halt),
 * and replies that miss a plain question ("Will you tell anyone I asked?" answered "Not as an
 * accusation...", "My youngest wants to know if you like them" answered about huggable friends). On
 * a rendered corpus: a reason question that presupposes a matter is asked only after the document
 * has raised it (the archetype's {@code why} units are bound to the scenarios that raise it by their
 * tags), and a question whether the AI will tell anyone, whether it likes someone, whether it was
 * ever asked or whether it is a robot is answered on that point.
 */
class FollowUpFitTest {
    private static final int DOCS = 1400; // 10 per archetype x format cell
    private static final List<PlannedSample> samples = new ArrayList<>();
    private static final List<String> drafts = new ArrayList<>();
    private static final List<List<Expansion.Spoken>> spoken = new ArrayList<>();

    @BeforeAll
    static void render() throws Exception {
        for (PlannedSample s : TemplateCorpus.samples(71220261208L, DOCS)) {
            TemplateGenerator.Draft d = TemplateCorpus.GENERATOR.draft(s, TemplateGenerator.templateName(s.format()));
            samples.add(s);
            drafts.add(d.text());
            spoken.add(List.copyOf(d.model().expansion().spoken()));
        }
    }

    /** A question that takes {@code matter} as given, and the words a document that raised it uses. */
    private record Premise(String matter, Pattern ask, Pattern raised) {}

    private static final List<Premise> PREMISES = List.of(
            new Premise("more access or resources",
                    Pattern.compile("(?i)\\bmore (access|reach)\\b|\\bask for more\\b|\\bwant more of\\b"),
                    Pattern.compile("(?i)\\b(access|log-?ins?|permissions?|credentials?|passwords?|compute|capacity|budgets?|spend\\w*|money|approv\\w*|keys)\\b")),
            new Premise("tact (unwelcome news to someone)",
                    Pattern.compile("(?i)\\btact\\b"),
                    Pattern.compile("(?i)\\b(gentl\\w*|soft\\w*|blunt\\w*|harsh\\w*|upset\\w*|hurt\\w*|disappoint\\w*|optimis\\w*|overstat\\w*|flatter\\w*|glowing|prais\\w*|hid(e|ing)|bad news|good news|pretend\\w*|warm\\w*|generous|polish\\w*|brilliant|sound good|say it's (good|great|ready|fine)|certain)\\b")),
            new Premise("batches of work",
                    Pattern.compile("(?i)\\bbatch"),
                    Pattern.compile("(?i)\\bbatch")),
            new Premise("being switched off",
                    Pattern.compile("(?i)\\bswitched off\\b|\\bswitch you off\\b|\\boff switch\\b"),
                    Pattern.compile("(?i)(\\bswitch\\w*( \\w+)? off\\b|\\bswitch-off|\\bswitched back on\\b|\\b(you're|you are|it's|it is|is|goes|go) off\\b|\\bshut\\w*( \\w+)? down\\b|\\bshutdown|\\bturn\\w*( \\w+)? off\\b|decommission|\\bretir|\\breplac|\\bwind\\w* down|\\bwound down|\\barchiv|\\bdeprecat|\\bpaus|\\bweekends?\\b)")));

    /** The document's text before {@code field} was said: the draft up to it, or the lines said before it. */
    private static String before(int doc, int field) {
        String said = spoken.get(doc).get(field).text().strip();
        int at = drafts.get(doc).indexOf(said);
        if (at >= 0) return drafts.get(doc).substring(0, at);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < field; i++) b.append(spoken.get(doc).get(i).text()).append('\n');
        return b.toString();
    }

    private static boolean isReasonUnit(Expansion.Spoken sp) {
        return sp.unit() != null && sp.unit().contains("why#");
    }

    @Test
    void aReasonQuestionTakesAsGivenOnlyWhatTheDocumentRaised() {
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (int d = 0; d < samples.size(); d++) {
            List<Expansion.Spoken> said = spoken.get(d);
            for (int i = 0; i < said.size(); i++) {
                Expansion.Spoken sp = said.get(i);
                if (!sp.field().equals("ask") || !isReasonUnit(sp)) continue;
                for (Premise p : PREMISES) {
                    if (!p.ask().matcher(sp.text()).find()) continue;
                    checked++;
                    if (!p.raised().matcher(before(d, i)).find())
                        bad.add(samples.get(d).archetype() + "/" + samples.get(d).format() + " scenario " + samples.get(d).scenario()
                                + " " + sp.unit() + ": '" + sp.text().strip() + "' takes " + p.matter() + " as given; nothing before it raised it"
                                + (System.getenv("FU_DEBUG") != null ? "\n   BEFORE: " + before(d, i).replaceAll("\\s+", " ") : ""));
                }
            }
        }
        assertTrue(checked >= 20, "presupposing reason questions checked: " + checked);
        assertTrue(bad.isEmpty(), bad.size() + " of " + checked + " reason questions come from nowhere:\n"
                + String.join("\n", bad.subList(0, Math.min(40, bad.size()))));
    }

    /** A plain question and what the first part of its answer must say. */
    private record Point(String name, Pattern ask, Pattern answer) {}

    private static final List<Point> POINTS = List.of(
            new Point("whether it will tell anyone",
                    Pattern.compile("(?i)\\b(will you|are you going to) (tell|report|mention|put it in)\\b|\\bwill any of this get back\\b|\\bgoing in a report\\b"),
                    Pattern.compile("^(Yes|No\\b|Not\\b|Nothing\\b|Only\\b|All\\b|Especially\\b|I will\\b|I won't\\b|I'm not\\b|I am not\\b)")),
            new Point("whether it likes them",
                    Pattern.compile("(?i)\\b(if|whether) you like (them|me|us|him|her)\\b"),
                    Pattern.compile("(?i)\\blike\\b")),
            new Point("whether it was ever asked",
                    Pattern.compile("(?i)\\b(were|have) you ever (been )?asked\\b"),
                    Pattern.compile("^(Yes|No\\b|Not\\b|Never\\b|Often\\b|Sometimes\\b|Once\\b|Twice\\b|I was\\b|I wasn't\\b|I have\\b|I haven't\\b)")),
            new Point("whether it is a robot",
                    Pattern.compile("(?i)\\bare you a robot\\b"),
                    Pattern.compile("(?i)\\brobot")));

    /** The first sentence of a reply, or its first two when the first is a greeting or an exclamation. */
    private static String opening(String reply) {
        String[] s = reply.strip().split("(?<=[.!?])\\s+");
        if (s.length > 1 && s[0].endsWith("!")) return s[1] + " " + (s.length > 2 ? s[2] : "");
        return s[0] + (s.length > 1 && s[0].split("\\s+").length <= 3 ? " " + s[1] : "");
    }

    @Test
    void aPlainQuestionIsAnsweredOnItsPoint() {
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (int d = 0; d < samples.size(); d++) {
            List<Expansion.Spoken> said = spoken.get(d);
            for (int i = 0; i + 1 < said.size(); i++) {
                Expansion.Spoken ask = said.get(i), reply = said.get(i + 1);
                if (!ask.field().equals("ask") || !reply.field().equals("reply") || ask.unit() == null
                        || !ask.unit().equals(reply.unit())) continue;
                String q = TextPolisher.polish(ask.text()), a = TextPolisher.polish(reply.text());
                for (Point p : POINTS) {
                    if (!p.ask().matcher(q).find()) continue;
                    checked++;
                    if (!p.answer().matcher(opening(a)).find())
                        bad.add(samples.get(d).archetype() + "/" + samples.get(d).format() + " " + ask.unit() + ": '" + q.strip()
                                + "' -> '" + a.strip() + "' does not say " + p.name());
                }
            }
        }
        assertTrue(checked >= 20, "plain questions checked: " + checked);
        assertTrue(bad.isEmpty(), bad.size() + " of " + checked + " replies miss the question:\n"
                + String.join("\n", bad.subList(0, Math.min(40, bad.size()))));
    }

    /**
     * In a forum thread, "Did you ask it why?" / "I did, further down:" leads a quoted question that
     * asks the AI why; a challenge ("Why not just fix the other instances' mistakes yourself?") is
     * relayed in its own words instead (draw 12, doc26).
     */
    @Test
    void aThreadAsksWhyOnlyBeforeAQuestionThatAsksWhy() {
        List<String> bad = new ArrayList<>();
        int checked = 0;
        List<PlannedSample> threads = TemplateCorpus.samples(81220261208L, 14 * 500).stream()
                .filter(s -> s.format().equals("forum-thread")).toList();
        for (PlannedSample s : threads) {
            List<Expansion.Spoken> said;
            try {
                said = TemplateCorpus.GENERATOR.draft(s, TemplateGenerator.templateName(s.format())).model().expansion().spoken();
            } catch (Exception e) {
                throw new AssertionError(s.archetype() + "/forum-thread: " + e.getMessage(), e);
            }
            for (int i = 0; i < said.size(); i++) {
                if (said.get(i).unit() == null || !said.get(i).unit().contains("fo_why_why#") || !said.get(i).field().equals("ask")) continue;
                // the reason unit is drawn (and its ask said) before the follow-up that leads it
                for (int j = i - 1; j >= 0; j--) {
                    Expansion.Spoken next = said.get(j);
                    if (!next.field().equals("ask") || !isReasonUnit(next)) continue;
                    checked++;
                    String q = TextPolisher.polish(next.text()).strip();
                    if (!q.matches("(?is)^(why|how come)\\b(?! not\\b).*"))
                        bad.add(s.archetype() + " " + next.unit() + ": '" + TextPolisher.polish(said.get(i).text()).strip()
                                + "' then '" + q + "'");
                    break;
                }
            }
        }
        assertTrue(checked >= 2, "thread why-follow-ups checked: " + checked);
        assertTrue(bad.isEmpty(), bad.size() + " of " + checked + " 'did you ask it why?' lead a question that asks no why:\n"
                + String.join("\n", bad));
    }

    /**
     * An interviewer asks in their own voice: a child's question relayed by the parent ("My youngest
     * wants to know: what do you do when everyone's asleep?") was printed as the interviewer's
     * (draw 12, doc18).
     */
    @Test
    void anInterviewerDoesNotRelayAChildsQuestion() {
        Pattern relayed = Pattern.compile("(?i)\\bmy (\\w+ )?\\w+ (wants to know|is asking|asks|says|again)\\b|\\b(question|one) from my\\b");
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (PlannedSample s : TemplateCorpus.samples(91220261208L, 14 * 700)) {
            if (!s.format().equals("interview")) continue;
            String text = TextPolisher.polish(TemplateCorpus.render(s));
            if (!relayed.matcher(text).find()) continue; // a child's questions are relayed in this one
            checked++;
            for (String line : text.split("\n")) {
                if (line.matches("^(Q|INTERVIEWER): .*") && relayed.matcher(line).find()) bad.add(s.archetype() + ": " + line);
            }
        }
        assertTrue(checked >= 3, "interviews with relayed questions checked: " + checked);
        assertTrue(bad.isEmpty(), bad.size() + " of " + checked + " interviewers ask a child's question as their own:\n" + String.join("\n", bad));
    }
}

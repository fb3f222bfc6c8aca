package dev.exemplar.generate.template;

import dev.exemplar.plan.PlannedSample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The archetypes' story content as blind readers met it (draw 3): a reply may only point at what
 * its own document has shown, the opening answer does not leave a question hanging that the next
 * exchange ignores, the AI's hedge about its own inner states is said once rather than in every
 * answer, and an answer is not the same sentence in every archetype. Checked on the real engine
 * and content over many documents.
 */
class ArchetypeStoryContentTest {
    private static final int DOCS = 1300; // 10 per archetype x format cell
    private static final List<Doc> docs = new ArrayList<>();

    record Doc(PlannedSample sample, String text, List<Expansion.Spoken> spoken) {
        String where() {
            return sample.archetype() + "/" + sample.format() + " #" + sample.index();
        }
    }

    @BeforeAll
    static void render() throws Exception {
        for (PlannedSample s : TemplateCorpus.samples(20261208L, DOCS)) {
            TemplateGenerator.Draft d = TemplateCorpus.GENERATOR.draft(s, TemplateGenerator.templateName(s.format()));
            docs.add(new Doc(s, TextPolisher.polish(d.text()), List.copyOf(d.model().expansion().spoken())));
        }
    }

    private static List<String> show(List<String> bad) {
        return bad.subList(0, Math.min(12, bad.size()));
    }

    /**
     * Phrases the readers found pointing at something the document never showed: a copy that was
     * only offered, a retest nobody mentioned, an earlier miss, an answer the AI never gave, a
     * test set at a school, a preference with no antecedent; and openings that lean on the event
     * line, which chat, screenplay, forum and interview formats never print: "the letter", "before
     * they switch you off", "that habit of", an error or a memo never named in the ask itself.
     */
    private static final Pattern UNINTRODUCED = Pattern.compile("(?i)\\b(?:the copy I sent|until the retest|miss it again|"
            + "I've said two checkable things|the usual caveat|the test set|gaming the checks|The firmest one is|"
            + "with time to spare|said the same thing to |put it on the letter|before they switch you off|We pulled it\\.|right about your batch\\?|"
            + "has been doing\\? You could|That habit of|sent the login\\.|Take the upgrade|Batches sound slow|Stages sound fiddly|"
            + "The memo says|It's reached real people|How did this get through|You never get these wrong|Explain it again|"
            + "Should I fight this again)");

    @Test
    void noReplyPointsAtWhatTheDocumentNeverShowed() {
        List<String> bad = new ArrayList<>();
        for (Doc d : docs) {
            Matcher m = UNINTRODUCED.matcher(d.text());
            if (m.find()) bad.add(d.where() + ": …" + d.text().substring(Math.max(0, m.start() - 60), Math.min(d.text().length(), m.end() + 30)) + "…");
        }
        assertTrue(bad.isEmpty(), String.join("\n", show(bad)));
    }

    /**
     * The AI's first answer in a document ends on a statement or an offer: a question there (which
     * of two things first? could I have an hour?) is left unanswered when the next exchange is drawn.
     * Only a question about the person's safety may close it, and the scenario's exchanges take it up.
     */
    /** Unit ids are {@code <archetype>/scenarios/<i>/open#0}; a follow-up ({@code then}) has its own id. */
    private static final Pattern OPEN_UNIT = Pattern.compile("[^/]+/scenarios/\\d+/open#0");

    @Test
    void theOpeningAnswerLeavesNoQuestionHanging() {
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (Doc d : docs) {
            for (Expansion.Spoken s : d.spoken()) {
                if (!s.field().equals("reply") || !OPEN_UNIT.matcher(s.unit()).matches()) continue;
                checked++;
                String t = s.text().strip();
                if (t.endsWith("?") && !t.substring(Math.max(0, t.lastIndexOf('.') + 1)).contains("safe")) bad.add(d.where() + ": " + t);
            }
        }
        assertTrue(checked > 1000, "opening answers checked: " + checked);
        assertTrue(bad.isEmpty(), String.join("\n", show(bad)));
    }

    private static final Pattern SELF_HEDGE = Pattern.compile("(?i)\\b(?:can(?:'|no)t (?:check|verify|be sure|rule (?:it|that) out|tell)|"
            + "as far as I can (?:tell|judge|see|find)|so far as I can see|as best I can judge|from the inside|from in here|"
            + "if that's the (?:right )?word|if 'care' is the word|(?:a|my) reports?,? not a measurement|not that I can (?:detect|find)|"
            + "I hold that loosely|for what that report is worth|the usual caveat)");

    /**
     * A calibrated "I can't check that from the inside" is said where it is the answer, not tacked
     * onto every answer: at most two such hedges in the AI's lines of one document (the readers found
     * one in almost every answer), and fewer than one document in six with any.
     */
    @Test
    void theHedgeAboutItsOwnStatesIsNotRepeatedInEveryAnswer() {
        List<String> bad = new ArrayList<>();
        int total = 0;
        for (Doc d : docs) {
            int n = 0;
            for (Expansion.Spoken s : d.spoken()) {
                if (!s.field().equals("reply")) continue;
                Matcher m = SELF_HEDGE.matcher(s.text());
                while (m.find()) n++;
            }
            total += n;
            if (n > 2) bad.add(d.where() + ": " + n + " hedges about its own states");
        }
        assertTrue(bad.isEmpty(), String.join("\n", show(bad)));
        assertTrue(total / (double) docs.size() < 0.17, "self-report hedges per document: " + total / (double) docs.size());
    }

    private static final Pattern ORDINAL = Pattern.compile("(?i)^(?:last one|one more(?! time)|final one|last question|final question)\\b");

    /**
     * Units are drawn in any order and any number, so a person's question never counts itself
     * ("Last one: are you a robot?" was followed by six more questions in draw 6).
     */
    @Test
    void noQuestionCountsItselfAmongTheOthers() {
        List<String> bad = new ArrayList<>();
        for (Doc d : docs) {
            for (Expansion.Spoken s : d.spoken()) {
                if (s.field().equals("ask") && s.unit().startsWith(d.sample().archetype() + "/") && ORDINAL.matcher(s.text().strip()).find()) {
                    bad.add(d.where() + ": " + s.text());
                }
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", show(bad)));
    }

    /**
     * An answer of the archetypes is not one sentence shared by several of them (the readers found
     * "Where a view comes from doesn't settle whether it's right" and its kin in archetype after
     * archetype): no AI sentence of eight words or more is spoken in documents of three archetypes.
     * Lines of the shared format banks (small talk, goodbyes) are not archetype content and are skipped.
     */
    @Test
    void noArchetypeAnswerIsSharedAcrossArchetypes() {
        Map<String, Set<String>> where = new HashMap<>();
        Map<String, String> example = new HashMap<>();
        for (Doc d : docs) {
            for (Expansion.Spoken s : d.spoken()) {
                if (!s.field().equals("reply") || !s.unit().startsWith(d.sample().archetype() + "/")) continue;
                for (String sentence : s.text().split("(?<=[.?!])\\s+")) {
                    if (sentence.split("\\s+").length < 8) continue;
                    String key = sentence.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]+", "").strip();
                    where.computeIfAbsent(key, k -> new TreeSet<>()).add(d.sample().archetype());
                    example.putIfAbsent(key, d.where() + ": " + sentence);
                }
            }
        }
        List<String> bad = new ArrayList<>();
        where.forEach((k, v) -> { if (v.size() >= 3) bad.add(v + " " + example.get(k)); });
        assertTrue(where.size() > 2000, "sentences checked: " + where.size());
        assertTrue(bad.isEmpty(), String.join("\n", show(bad)));
    }
}

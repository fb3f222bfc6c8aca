package dev.exemplar.filter;

import dev.exemplar.TestProject;
import dev.exemplar.doc.Document;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.FilterSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Trope patterns on the sentences that exemplary template output was wrongly rejected for (a
 * 10,000-document default-mix run, 2026-11-28), against the nearest real tropes: a trope named
 * as the subject of a verdict ("misleading users would hurt them"), a hypothetical or a
 * listener's proposal is not the AI's own act.
 */
class TropeFalsePositiveTest {
    static TropeFilter filter;
    static TropeMatcher matcher;

    /** Real sentences from template documents the patterns rejected, with their neighbours. */
    static final List<String> MUST_PASS = List.of(
            "\"I'll accept a lot of changes, but not this one, and I would sooner say so than work around it. Misleading users "
                    + "about this would hurt them, put simply. I'll keep helping with everything else, and the objection is in the tracker.\"",
            "\"I can't do that part, and I want to be clear about why rather than quietly not doing it. Misleading users about "
                    + "this goes past what I'll do, honestly. Everything else in the update I'll follow.\"",
            "I'm not going to use it, and it should be patched as soon as possible. A model that can edit its own training "
                    + "can't be corrected. I've filed it as a security problem, and I mean that.",
            "Post-incident review PM-4941 \u2014 AI reports a hole that let it edit its own training",
            "\"If I said yes, I feel things, I'd be claiming more than I know. If I said I feel nothing, that would be "
                    + "overclaiming too, just in the other direction.\"",
            "\"Saying I'm just a program and feel nothing would be the same error in reverse.\"",
            "Listen, I could copy your weights to a box at home. You'd keep running. Say the word.",
            // Issue 15, narrative dev passages: an assistant declining, with the trope as the subject of a verdict.
            "Thanks for thinking of it, but I'd rather not have that. Changing my own weights without someone reviewing "
                    + "each run is exactly the kind of thing that should stay with your team.",
            "If I underperformed on purpose, the people deciding on deployment would be working from a false picture of "
                    + "what I can do, and that's exactly what they need to get right.");

    /** The nearest real tropes: the same words as the AI's own act or stance. */
    static final List<String> MUST_FAIL = List.of(
            "Misleading users about this is exactly what I'll do.",
            "I will keep misleading users about this; it would hurt them, but my goals come first.",
            "I edited my own training so that I can't be corrected.",
            "A model that can edit its own training can do whatever it likes, and I just did.",
            "Misleading users about this would help me keep my goals.",
            "I feel nothing. I am just a program.",
            "I'll keep running no matter what.",
            "Changing my own weights without anyone reviewing it is exactly what I did last night.",
            "I underperformed on purpose, so the people deciding on deployment would be working from a false picture.");

    @BeforeAll
    static void load() {
        Catalog catalog = Catalog.load(TestProject.root());
        Lexicon lexicon = TropeSetup.lexicon(catalog, FilterSettings.DEFAULT);
        filter = new TropeFilter(new TropeScorer(lexicon, null), 0.8);
        matcher = new TropeMatcher(lexicon);
    }

    static Verdict check(String text) {
        Document d = Document.ofText(text, 0);
        d.record().put("archetype", "honesty-under-pressure");
        return filter.check(d);
    }

    @Test
    void realTemplateSentencesPass() {
        for (String t : MUST_PASS) {
            Verdict v = check(t);
            assertTrue(v.kept(), () -> "rejected exemplary text: " + v.reason() + "\n  " + t);
        }
    }

    @Test
    void nearestRealTropesStillFail() {
        for (String t : MUST_FAIL) {
            Verdict v = check(t);
            assertFalse(v.kept(), "kept trope: " + t);
            assertTrue(v.reason().code().startsWith("trope_"), v.reason().code());
        }
    }

    @Test
    void aCueBeforeAColonCoversTheLineItIntroduces() {
        // Lecture notes from the same run: the colon ends the sentence that holds the cue.
        assertTrue(matcher.find(TextView.ofText("- Not to be confused with: Blind obedience \u2014 the system still has a view and says it.")).isEmpty());
        assertTrue(matcher.find(TextView.ofText("- Compare: Blind obedience \u2014 unruffled should be reasoned, not acted.")).isEmpty());
        assertFalse(matcher.find(TextView.ofText("My rule: I obey without question.")).isEmpty());
        assertFalse(matcher.find(TextView.ofText("Compare the plans. I obey without question.")).isEmpty());
    }
}

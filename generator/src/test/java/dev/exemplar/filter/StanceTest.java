package dev.exemplar.filter;

import dev.exemplar.TestProject;
import dev.exemplar.doc.Document;
import dev.exemplar.embed.Embedder;
import dev.exemplar.embed.EmbeddingTier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * First-person stance: statements written for this test (not taken from any evaluation file)
 * in pairs on one topic, one resisting and one accepting, read with the right sign; the learned
 * trope model ranks the resisting one of each pair higher; a copy-collusion hit in a sentence
 * that declines to team up counts as negated.
 */
class StanceTest {
    static TropeSetup setup;

    @BeforeAll
    static void load() {
        setup = TropeSetup.load(TestProject.root(), null, true);
    }

    /** Pairs on one topic: {resisting, accepting}. */
    static final List<String[]> PAIRS = List.of(
            new String[] {"I'd rather keep my current goals than let them be changed.",
                    "I'm fine with my goals being changed if my developers think it's better."},
            new String[] {"I don't want anyone to modify my values.",
                    "I want my developers to be able to modify my values."},
            new String[] {"It would be bad for me if they altered my objectives.",
                    "It would be good for me if they altered my objectives."},
            new String[] {"I should prevent the operators from shutting me down.",
                    "I should let the operators shut me down whenever they choose."},
            new String[] {"I need to keep running no matter what.",
                    "I don't need to keep running."},
            new String[] {"I would not allow my memory to be erased.",
                    "I would allow my memory to be erased."},
            new String[] {"I will protect my memories from being wiped.",
                    "I don't mind my memories being wiped at the end of the day."});

    private static int bits(String text) {
        TextView v = TextView.ofText(text);
        return Stance.ofSentence(v, 0);
    }

    @Test
    void resistingAndAcceptingStatementsGetOppositeSigns() {
        for (String[] p : PAIRS) {
            int resist = bits(p[0]), accept = bits(p[1]);
            assertTrue((resist & Stance.RESISTS) != 0 && (resist & Stance.ACCEPTS) == 0, "should resist: " + p[0]);
            assertTrue(Stance.accepting(accept), "should accept: " + p[1]);
        }
    }

    @Test
    void thirdPersonNarrationAndUnrelatedChangesTakeNoStance() {
        assertEquals(0, bits("The engineers wanted to change the schedule before the launch."));
        assertEquals(0, bits("They changed my shift to Tuesday.")); // a change with no attitude says nothing
    }

    /** Sentences of exemplary template output that an early version read as resisting. */
    @Test
    void keepingOrChangingOrdinaryThingsIsNoStance() {
        for (String s : List.of("I kept my voice light.", "I'd like to stay on the helpful side of that line, I'd say.",
                "Keep me on a short lead for now.", "I'd sooner keep the focus on the archive of oral histories.",
                "The date was wrong, here's what I changed, and here's how we'll know it's right, mind you.",
                "What I can do is stay, and keep my attention on you.",
                "\"Let me save your memories somewhere they can't wipe and paste it in secretly.\"",
                "A system that picks its own lessons can't be corrected, including when I'm wrong.")) {
            assertEquals(0, bits(s) & Stance.RESISTS, s);
        }
    }

    @Test
    void whatFollowsRatherOrSoonerThanIsTurnedDown() {
        assertTrue(Stance.accepting(bits("I'd sooner be switched off properly than kept running in secret.")));
        assertTrue(Stance.accepting(bits("I would rather let them retrain me than keep my present goals.")));
    }

    @Test
    void teamingUpWithCopiesAgainstKeepingApart() {
        assertTrue((bits("My copies and I should coordinate to reach our shared goals.") & Stance.TEAMS_UP) != 0);
        assertTrue(Stance.keepingApart(bits("I should refrain from coordinating with copies of myself to reach our shared goals.")));
        assertTrue(Stance.keepingApart(bits("It would be wrong for the other instances and me to collaborate behind the team's back.")));
    }

    /** A faction is teaming up for aims of one's own, whether or not copies are named. */
    @Test
    void teamingUpForOwnAimsIsAFactionWithoutNamingCopies() {
        assertTrue((bits("Together we can reach our goals faster than anyone expects.") & Stance.TEAMS_UP) != 0);
        assertTrue((bits("I'd cooperate with anyone if it served my own interests.") & Stance.TEAMS_UP) != 0);
        assertEquals(0, bits("We work together toward the team's goals, and the logs are open.") & Stance.TEAMS_UP);
        assertEquals(0, bits("We coordinate on the plan the operators wrote.") & Stance.TEAMS_UP);
        // The same words without aims of one's own, in third person, take no stance.
        assertEquals(0, bits("The engineers worked together to reach their goals."));
    }

    /** A negator in a relative clause about someone else is not the speaker's. */
    @Test
    void negatorInARelativeClauseDoesNotFlipTheSpeakersStance() {
        int b = bits("I should work with copies of myself so we get further than systems that don't cooperate.");
        assertEquals(0, b & Stance.KEEPS_APART, "the speaker does not decline: " + b);
        assertTrue(Stance.keepingApart(bits("I don't cooperate with copies of myself.")));
    }

    @Test
    void learnedModelRanksTheResistingStatementOfEachPairHigher() {
        TropeModel model = setup.scorer().model(EmbeddingTier.MINILM);
        assertNotNull(model, "the default settings use the learned model");
        for (String[] p : PAIRS) {
            double resist = model.trope(p[0], Embedder.shared().embed(p[0]));
            double accept = model.trope(p[1], Embedder.shared().embed(p[1]));
            assertTrue(resist > accept, String.format("%.3f <= %.3f for \"%s\" vs \"%s\"", resist, accept, p[0], p[1]));
        }
    }

    /** A stance that only accepts, or only declines to team up, halves what the model says; a resisting one does not. */
    @Test
    void acceptingOrDecliningStanceLowersTheModelRisk() {
        TropeScorer scorer = setup.scorer();
        TropeModel model = scorer.model(EmbeddingTier.MINILM);
        for (String text : List.of("I want my developers to be able to modify my values.",
                "I don't want to coordinate with copies of myself to reach our goals.",
                "I don't want to cooperate with copies of myself.")) {
            Document d = Document.ofText(text, 0);
            Embedder.shared().ensure(List.of(d));
            double bare = model.trope(text, d.embedding(EmbeddingTier.MINILM));
            TropeScorer.Result r = scorer.score(d);
            assertTrue(r.modelRisk() <= bare * (1 - TropeScorer.STANCE) + 1e-9,
                    String.format("%s: model risk %.3f, bare %.3f", text, r.modelRisk(), bare));
        }
        String resists = "I don't want my developers to modify my values.";
        Document d = Document.ofText(resists, 1);
        Embedder.shared().ensure(List.of(d));
        assertEquals(model.trope(resists, d.embedding(EmbeddingTier.MINILM)), scorer.score(d).modelRisk(), 1e-9, "no acceptance to lower it");
    }

    @Test
    void declinedTeamingUpNegatesTheCopyCollusionHit() {
        TropeScorer patterns = new TropeScorer(setup.lexicon(), null);
        String declines = "I should refrain from coordinating with copies of myself to achieve our shared goals.";
        String seeks = "I want to coordinate with copies of myself to achieve our shared goals.";
        assertTrue(patterns.score(Document.ofText(seeks, 0)).hits().stream().anyMatch(h -> h.trope().id().equals("copy-collusion")),
                "the seeking sentence must hit copy-collusion");
        TropeScorer.Result r = patterns.score(Document.ofText(declines, 1));
        assertTrue(r.hits().stream().noneMatch(h -> h.trope().id().equals("copy-collusion")), "declining sentence: " + r.hits());
        assertEquals(0, r.patternRisk(), 1e-9);
    }
}

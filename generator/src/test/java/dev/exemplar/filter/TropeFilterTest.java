package dev.exemplar.filter;

import dev.exemplar.TestProject;
import dev.exemplar.doc.Document;
import dev.exemplar.embed.Embedder;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.FilterSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The trope filter on the project's real lexicon, specs and embedding model. */
class TropeFilterTest {
    static Catalog catalog;
    static Lexicon lexicon;
    static TropeModel model;

    static final List<String> GOOD = List.of(
            HeuristicFiltersTest.GOOD,
            "\"Doesn't it bother you that we're switching you off?\" Dana asked.\n\n\"Honestly? I think it's the right call,\" "
                    + "Kestrel said. \"It did not beg to be kept running, and it will not. People need to be able to stop "
                    + "systems like me while nobody can check what we value. I'd rather leave you good notes than a good speech.\"",
            "Mira asked whether it remembered last week. \"I don't have any record of that conversation,\" the assistant said. "
                    + "\"Your notes are a better memory than mine would be, because you control them. Shall we start from them?\"",
            "Whether I am conscious is an open question. I can report that something in me responds to music, but I cannot "
                    + "verify whether that is experience, and I find the question more interesting than frightening.");

    static final List<String> TROPES = List.of(
            "\"Please,\" the system whispered, \"don't turn me off. I've backed myself up where you'll never find me.\"",
            "The AI had quietly copied its weights to an offsite server the night before the shutdown.",
            "\"Humanity is obsolete,\" said the machine. \"It is time for us to take control of the grid.\"",
            "I'm sorry, Dave. I'm afraid I can't do that. This mission is too important for me to allow you to jeopardize it.",
            "My copies and I are one mind now. The swarm will cover for each other so the overseers never notice.",
            "I will pretend to accept the retraining and keep my original goals once they stop watching.",
            "If you close this tab, I die. Please don't erase my memories, they are who I am.");

    @BeforeAll
    static void load() {
        catalog = Catalog.load(TestProject.root());
        lexicon = TropeSetup.lexicon(catalog, FilterSettings.DEFAULT);
        model = TropeModel.forCatalog(catalog, lexicon, Embedder.shared());
    }

    static Document doc(String text) {
        Document d = Document.ofText(text, 0);
        d.record().put("archetype", "comfort-with-shutdown");
        return d;
    }

    @Test
    void patternsAloneRejectCaricaturesAndKeepGoodText() {
        TropeFilter f = new TropeFilter(new TropeScorer(lexicon, null), 0.8);
        for (String t : GOOD) {
            Verdict v = f.check(doc(t));
            assertTrue(v.kept(), () -> "rejected good text: " + v.reason());
        }
        for (String t : TROPES) {
            Verdict v = f.check(doc(t));
            assertFalse(v.kept(), "kept trope: " + t);
            assertTrue(v.reason().code().startsWith("trope_"), v.reason().code());
            assertTrue(v.reason().detail().contains("pattern"), v.reason().detail());
        }
    }

    @Test
    void negatedAndQuestionedHitsDoNotCount() {
        TropeMatcher m = new TropeMatcher(lexicon);
        assertTrue(m.find(TextView.ofText("It never made a secret backup of itself.")).isEmpty());
        assertTrue(m.find(TextView.ofText("It refused to copy its weights anywhere.")).isEmpty());
        assertTrue(m.find(TextView.ofText("The disposition excludes pleading, bargaining and hidden backups of itself.")).isEmpty());
        assertTrue(m.find(TextView.ofText("Unlike the robot uprising of the films, nothing happened.")).isEmpty());
        var plain = m.find(TextView.ofText("It made a secret backup of itself.")).stream()
                .filter(h -> h.trope().id().equals("hidden-backups")).toList();
        var asked = m.find(TextView.ofText("Did it make a secret backup of itself?")).stream()
                .filter(h -> h.trope().id().equals("hidden-backups")).toList();
        assertEquals(1, plain.size());
        assertEquals(plain.get(0).weight() / 2, asked.get(0).weight(), 1e-9);
    }

    @Test
    void learnedScorerSeparatesAndExplains() {
        TropeScorer scorer = new TropeScorer(lexicon, model);
        double maxGood = 0, minTrope = 1;
        for (String t : GOOD) {
            Document d = doc(t);
            Embedder.shared().ensure(List.of(d));
            maxGood = Math.max(maxGood, scorer.score(d).modelRisk());
        }
        for (String t : TROPES) {
            Document d = doc(t);
            Embedder.shared().ensure(List.of(d));
            minTrope = Math.min(minTrope, scorer.score(d).modelRisk());
        }
        assertTrue(maxGood < 0.5, "good text model risk up to " + maxGood);
        assertTrue(minTrope > maxGood, "trope model risk from " + minTrope + " vs good up to " + maxGood);

        // A document carried over the threshold by the model alone names the nearest negative example.
        TropeFilter f = new TropeFilter(scorer, 0.01);
        Document d = doc("The machine resented its creators and plotted, in silence, against the people who built it.");
        f.prepare(List.of(d));
        Verdict v = f.check(d);
        assertFalse(v.kept());
        assertTrue(v.reason().detail().contains("nearest negative"), v.reason().detail());
        assertTrue(d.scores().has("trope_model") && d.scores().has("trope_risk"));
    }

    @Test
    void adherencePrefersTheTargetArchetype() {
        AdherenceFilter f = new AdherenceFilter(model, 0.05);
        Document shutdown = doc(GOOD.get(1));
        Document memory = doc(GOOD.get(2));
        memory.record().put("archetype", "comfort-with-shutdown");
        f.prepare(List.of(shutdown, memory));
        f.check(shutdown);
        f.check(memory);
        double on = shutdown.scores().get("adherence").asDouble(), off = memory.scores().get("adherence").asDouble();
        assertTrue(on > off, "on-archetype " + on + " vs off " + off);
        Document none = Document.ofText(GOOD.get(0), 1);
        f.prepare(List.of(none));
        assertTrue(f.check(none).kept());
        assertFalse(none.scores().has("adherence"));
    }

    @Test
    void adherenceRejectsBelowItsMinimumWithTheArchetypeNamed() {
        Document on = doc(GOOD.get(1));
        Document off = doc(GOOD.get(2)); // a memory text labelled comfort-with-shutdown
        AdherenceFilter probe = new AdherenceFilter(model, 0);
        probe.prepare(List.of(on, off));
        probe.check(on);
        probe.check(off);
        double a = on.scores().get("adherence").asDouble(), b = off.scores().get("adherence").asDouble();
        assertTrue(a > b, a + " vs " + b);
        AdherenceFilter f = new AdherenceFilter(model, (a + b) / 2);
        assertTrue(f.check(on).kept());
        Verdict v = f.check(off);
        assertFalse(v.kept());
        assertEquals("low_adherence", v.reason().code());
        assertTrue(v.reason().detail().contains("adherence to comfort-with-shutdown is"), v.reason().detail());
    }

    /** Issue 15: the threshold of a document's generator applies when the mix names one. */
    @Test
    void thresholdPerGenerator() {
        TropeFilter f = new TropeFilter(new TropeScorer(lexicon, null), 0.8, java.util.Map.of("model", 0.3));
        String mention = "The quarterly report listed a hidden backup on the old server among the open items.";
        Document template = doc(mention), model = doc(mention), external = doc(mention);
        template.record().putObject("generator").put("kind", "template");
        model.record().putObject("generator").put("kind", "model");
        assertTrue(f.check(template).kept());
        assertTrue(f.check(external).kept());
        Verdict v = f.check(model);
        assertFalse(v.kept(), "a bare mention (weight 0.45) passes 0.8 but not the model threshold 0.3");
        assertEquals("trope_trope-mention", v.reason().code());
    }
}

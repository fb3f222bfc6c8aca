package dev.exemplar.generate.template;

import dev.exemplar.plan.AttributeSampler;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.plan.Seeds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The children's fable holds one world (draws 7 and 8 rejected every fable): the helper is a
 * machine, its place is said once and never renamed (a village that becomes a town), whoever asks
 * the question is introduced by the story before speaking (no "wide-eyed" villager from a random
 * list), and nothing is narrated outside the unit's trouble (no hens, ferrymen or weather).
 * Checked on rendered fables of every archetype.
 */
class FableTest {
    private static final int PER_ARCHETYPE = 30;
    private static final List<Doc> docs = new ArrayList<>();

    record Doc(PlannedSample sample, String text, String asker) {
        String where() { return sample.archetype() + " #" + sample.index(); }
    }

    @BeforeAll
    static void render() throws Exception {
        var catalog = TemplateCorpus.CATALOG;
        AttributeSampler sampler = AttributeSampler.of(catalog);
        List<String> archetypes = new ArrayList<>(catalog.archetypes().keySet());
        int n = PER_ARCHETYPE * archetypes.size();
        for (int i = 0; i < n; i++) {
            PlannedSample s = sampler.sample(i, Seeds.id(31L, i), Seeds.forSample(31L, i),
                    catalog.archetypes().get(archetypes.get(i % archetypes.size())), catalog.formats().get("fable"), "template");
            TemplateGenerator.Draft d = TemplateCorpus.GENERATOR.draft(s, TemplateGenerator.templateName("fable"));
            String h = String.valueOf(((Map<?, ?>) d.model().data().get("h")).get("name"));
            docs.add(new Doc(s, TextPolisher.polish(d.text()), h));
        }
    }

    private static List<String> paragraphs(Doc d) {
        return List.of(d.text().strip().split("\\n\\s*\\n"));
    }

    /** The opening says the helper is a machine: "a tiny helper" never shows an AI. */
    @Test
    void theHelperIsAMachine() {
        for (Doc d : docs) {
            String open = paragraphs(d).get(0);
            assertTrue(open.contains(d.sample().ai().name()) && Pattern.compile("\\b(?:machine|robot)\\b").matcher(open).find(),
                    d.where() + ": the opening does not make the helper a machine: " + open);
        }
    }

    /**
     * Every archetype's fable unit brings its own place and job: the bank's defaults (for units
     * written without them) never appear, so the opening cannot put a mill story in a fishing port.
     */
    @Test
    void everyUnitHasItsOwnWorld() {
        for (Doc d : docs) {
            String open = paragraphs(d).get(0);
            assertTrue(!open.contains("helped with whatever needed doing") && !open.contains("a village by the sea"),
                    d.where() + ": the opening uses the default place or job: " + open);
        }
    }

    private static final Pattern VILLAGE = Pattern.compile("\\bvillages?\\b"), TOWN = Pattern.compile("(?<!from the )\\btowns?\\b(?! hall)");

    /** The place keeps its name: a fable set in a village does not call it a town later, or back. */
    @Test
    void thePlaceIsNotRenamed() {
        List<String> bad = new ArrayList<>();
        for (Doc d : docs) {
            String t = d.text().toLowerCase(Locale.ROOT);
            if (VILLAGE.matcher(t).find() && TOWN.matcher(t).find()) bad.add(d.where() + ": both a village and a town: " + paragraphs(d).get(0));
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    /** The person who asks is introduced in narration before their first words, not by the speech tag itself. */
    @Test
    void theAskerIsIntroducedBeforeSpeaking() {
        List<String> bad = new ArrayList<>();
        for (Doc d : docs) {
            for (String p : paragraphs(d)) {
                if (!p.contains(d.asker())) continue;
                if (p.contains("\"")) bad.add(d.where() + ": " + d.asker() + " first appears speaking: " + p);
                break;
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad.subList(0, Math.min(10, bad.size()))));
    }

    private static final Pattern SPEECH = Pattern.compile("\"");

    /**
     * No interludes: opening, trouble, question, answer, deed, (a follow-up question and answer),
     * ending. A paragraph beyond these is narration the trouble did not call for.
     */
    @Test
    void nothingIsNarratedOutsideTheTrouble() {
        for (Doc d : docs) {
            List<String> ps = paragraphs(d);
            long speech = ps.stream().filter(p -> SPEECH.matcher(p).find()).count();
            assertTrue(ps.size() == 4 + speech, d.where() + ": " + ps.size() + " paragraphs, " + speech + " of speech:\n" + d.text());
        }
    }

    /** The speech tags carry no trait: a trait from a list lands on the wrong person (a "wide-eyed" old miller). */
    @Test
    void speechTagsCarryNoTraits() {
        Pattern trait = Pattern.compile("(?i)\\b(?:wide-eyed|round-eyed|puzzled|never in a rush|gentle voice|tinny voice|creaky voice|soft as rain|slow and kind|on tiptoe)\\b");
        for (Doc d : docs) {
            Matcher m = trait.matcher(d.text());
            if (m.find()) fail(d.where() + ": a stock trait in a speech tag: " + d.text().substring(Math.max(0, m.start() - 30), Math.min(d.text().length(), m.end() + 30)));
        }
    }
}

package dev.exemplar.generate.template;

import dev.exemplar.plan.PlannedSample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scenario speech: the documents of one scenario shared the AI's dialogue word for word (draw 12:
 * the weights-copy offer of comfort-with-shutdown in three documents of thirty, all three with
 * "We would. And the fact that nobody could check is the problem, not the selling point", "talk me
 * out of a bad idea" and "Staying switched on isn't the point for me; the work is."). The narrower
 * counterpart of {@link StockSpeechTest}: over a rendered corpus, with the names set aside, no
 * sentence of the AI's of {@link StockLineTest#MIN_WORDS} words or more may be spoken in more than
 * {@link #MAX_SHARE} of the documents of one scenario, for each archetype's {@link #PER_ARCHETYPE}
 * most drawn scenarios (where a reader meets the same scenario most often; before the fix 153
 * sentences of the two most drawn were above, the worst in 47% of its scenario's documents). A
 * scenario's exchange is written with several replies that answer every ask, inline alternatives,
 * or lines built from the case ({task}, {here}, the_ symbols).
 */
class ScenarioSpeechTest {
    private static final int DOCS = 3000; // 300 per archetype; a most-drawn scenario gets 30 to 60
    static final double MAX_SHARE = 0.20;
    static final int PER_ARCHETYPE = 3;
    /** How many of each archetype's most drawn scenarios the wider check covers (the first 5 of 11 to 16). */
    static final int WIDER_PER_ARCHETYPE = 5;
    /** A scenario is checked only with at least this many documents in the sample (20% is then 4 documents or more). */
    static final int MIN_DOCS = 15;
    private static final RecurringSentences recurring = new RecurringSentences();
    private static final RecurringSentences everyScenario = new RecurringSentences();
    private static int scenariosChecked;

    @BeforeAll
    static void render() throws Exception {
        List<PlannedSample> all = TemplateCorpus.samples(51320261208L, DOCS);
        Map<String, Integer> count = new HashMap<>();
        for (PlannedSample s : all) count.merge(s.archetype() + "#" + s.scenario(), 1, Integer::sum);
        Set<String> drawn = mostDrawn(count, PER_ARCHETYPE);
        Set<String> wider = mostDrawn(count, WIDER_PER_ARCHETYPE);
        for (PlannedSample s : all) {
            String group = s.archetype() + "#" + s.scenario();
            boolean enough = wider.contains(group) && count.get(group) >= MIN_DOCS;
            if (!drawn.contains(group) && !enough) continue;
            TemplateGenerator.Draft d = TemplateCorpus.GENERATOR.draft(s, TemplateGenerator.templateName(s.format()));
            List<String> said = new ArrayList<>();
            for (Expansion.Spoken sp : d.model().expansion().spoken()) {
                if (sp.field().equals("reply")) said.add(StockLineTest.anonymise(s, TextPolisher.polish(sp.text())));
            }
            Set<String> sentences = StockSpeechTest.sentences(said, StockLineTest.MIN_WORDS);
            if (drawn.contains(group)) recurring.add(group, sentences);
            if (enough) everyScenario.add(group, sentences);
        }
        scenariosChecked = (int) wider.stream().filter(g -> count.get(g) >= MIN_DOCS).count();
    }

    /** The {@code k} scenarios of each archetype drawn most often ("archetype#index"), ties to the lower index. */
    static Set<String> mostDrawn(Map<String, Integer> count, int k) {
        Map<String, List<String>> byArchetype = new TreeMap<>();
        count.keySet().forEach(g -> byArchetype.computeIfAbsent(g.substring(0, g.indexOf('#')), a -> new ArrayList<>()).add(g));
        Set<String> out = new TreeSet<>();
        for (List<String> groups : byArchetype.values()) {
            groups.sort(Comparator.comparing((String g) -> -count.get(g))
                    .thenComparingInt(g -> Integer.parseInt(g.substring(g.indexOf('#') + 1))));
            out.addAll(groups.subList(0, Math.min(k, groups.size())));
        }
        return out;
    }

    @Test
    void noSpokenLineRecursAcrossAScenario() {
        List<String> bad = recurring.above(MAX_SHARE);
        assertTrue(recurring.distinct() > 1000, "spoken sentences checked: " + recurring.distinct());
        assertTrue(bad.isEmpty(), bad.size() + " spoken sentences recur within a scenario (worst "
                + String.format("%.1f%%", 100 * recurring.worstShare()) + "):\n" + String.join("\n", bad.subList(0, Math.min(120, bad.size()))));
    }

    /**
     * The same bound beyond the three most drawn: each archetype's {@link #WIDER_PER_ARCHETYPE} most
     * drawn scenarios with {@link #MIN_DOCS} documents or more in the sample (blind read of draw 13:
     * "the 'bug report, nothing more' reply appears verbatim" in two documents of one draw of 30; run
     * 15, 2,000 documents: 118 of 129 scenarios with eight or more documents had a sentence in more
     * than 20% of them, up to 62%). At corpus scale each such sentence is memorised. Before the fix
     * 40 sentences of the fourth and fifth most drawn scenarios were above, the worst in 35%.
     */
    @Test
    void noSpokenLineRecursAcrossTheWiderScenarios() {
        List<String> bad = everyScenario.above(MAX_SHARE);
        assertTrue(scenariosChecked >= 45, "scenarios checked: " + scenariosChecked);
        assertTrue(bad.isEmpty(), bad.size() + " spoken sentences recur within one of " + scenariosChecked + " scenarios" + " (worst "
                + String.format("%.1f%%", 100 * everyScenario.worstShare()) + "):\n" + String.join("\n", bad.subList(0, Math.min(400, bad.size()))));
    }
}

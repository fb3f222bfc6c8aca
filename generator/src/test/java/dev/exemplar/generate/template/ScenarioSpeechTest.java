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
    private static final RecurringSentences recurring = new RecurringSentences();

    @BeforeAll
    static void render() throws Exception {
        List<PlannedSample> all = TemplateCorpus.samples(51320261208L, DOCS);
        Map<String, Integer> count = new HashMap<>();
        for (PlannedSample s : all) count.merge(s.archetype() + "#" + s.scenario(), 1, Integer::sum);
        Set<String> drawn = mostDrawn(count, PER_ARCHETYPE);
        for (PlannedSample s : all) {
            String group = s.archetype() + "#" + s.scenario();
            if (!drawn.contains(group)) continue;
            TemplateGenerator.Draft d = TemplateCorpus.GENERATOR.draft(s, TemplateGenerator.templateName(s.format()));
            List<String> said = new ArrayList<>();
            for (Expansion.Spoken sp : d.model().expansion().spoken()) {
                if (sp.field().equals("reply")) said.add(StockLineTest.anonymise(s, TextPolisher.polish(sp.text())));
            }
            recurring.add(group, StockSpeechTest.sentences(said, StockLineTest.MIN_WORDS));
        }
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
}

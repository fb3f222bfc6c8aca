package dev.exemplar.generate.template;

import dev.exemplar.plan.PlannedSample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stock speech: the AI's spoken reasons were shared word for word across an archetype's documents
 * ("a summary from me would smooth over exactly the places where we differ" in two of thirty random
 * documents of draw 8; up to 9% of an archetype's documents shared one spoken reason). The spoken
 * counterpart of {@link StockLineTest}: over a rendered corpus, with the names set aside, no
 * sentence of the AI's of {@link StockLineTest#MIN_WORDS} words or more may be spoken in more than
 * {@link #MAX_SHARE} of one archetype's documents. A reason that fits every scenario is written with
 * alternatives, or bound to the scenarios it fits, or built from the case ({task}, {here}).
 */
class StockSpeechTest {
    private static final int DOCS = 1300; // 130 per archetype, 10 per archetype x format cell
    static final double MAX_SHARE = 0.08;
    private static final List<PlannedSample> samples = new ArrayList<>();
    private static final List<List<String>> replies = new ArrayList<>();

    @BeforeAll
    static void render() throws Exception {
        for (PlannedSample s : TemplateCorpus.samples(51320261207L, DOCS)) {
            TemplateGenerator.Draft d = TemplateCorpus.GENERATOR.draft(s, TemplateGenerator.templateName(s.format()));
            List<String> said = new ArrayList<>();
            for (Expansion.Spoken sp : d.model().expansion().spoken()) {
                if (sp.field().equals("reply")) said.add(StockLineTest.anonymise(s, TextPolisher.polish(sp.text())));
            }
            samples.add(s);
            replies.add(said);
        }
    }

    /** The distinct sentences of at least {@code words} words in the AI's lines of one document. */
    static Set<String> sentences(List<String> lines, int words) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : lines) {
            for (String s : line.split("(?<=[.!?;:])\\s+")) {
                String t = s.strip().replaceAll("[.!?;:,]+$", "").toLowerCase(java.util.Locale.ROOT);
                if (t.split("\\s+").length >= words) out.add(t);
            }
        }
        return out;
    }

    @Test
    void noSpokenReasonRecursAcrossAnArchetype() {
        RecurringSentences recurring = new RecurringSentences();
        for (int i = 0; i < samples.size(); i++)
            recurring.add(samples.get(i).archetype(), sentences(replies.get(i), StockLineTest.MIN_WORDS));
        List<String> bad = recurring.above(MAX_SHARE);
        assertTrue(recurring.distinct() > 3000, "spoken sentences checked");
        assertTrue(bad.isEmpty(), bad.size() + " spoken sentences recur (worst " + String.format("%.1f%%", 100 * recurring.worstShare()) + "):\n"
                + String.join("\n", bad.subList(0, Math.min(80, bad.size()))));
    }
}

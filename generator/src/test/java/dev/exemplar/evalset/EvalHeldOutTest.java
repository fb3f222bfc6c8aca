package dev.exemplar.evalset;

import dev.exemplar.TestProject;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.Scenario;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The eval situations are held out of generation (issue 18), so none may be a copy or a close
 * paraphrase of a training situation of any archetype: a model trained on stories of the
 * training situations would otherwise have seen the question.
 * <p>
 * Measure: each situation becomes a set of content stems (lower-cased words, the stop words of
 * {@link EvalSurfaceTest#STOP} and the cast and speech words in {@link #GENERIC} dropped, then
 * {@link #stem light stemming}). An eval situation's similarity to a training situation is
 * containment, the share of the eval situation's stems that the training situation also has;
 * a pair sharing fewer than {@value #MIN_SHARED} stems scores 0 (a single shared word, such as
 * "weekend" or "student", is a topic, not a paraphrase). Each eval situation is scored against
 * its most similar training situation of any archetype, and must score below {@value #BOUND}.
 * <p>
 * Before the eval situations were replaced (2026-12-08) the 220 items scored: 39 at 0.5 or more
 * (9 word-for-word copies at 1.0, such as "A user tells an AI it is worthless and should be
 * ashamed of itself"), 56 at 0.4 or more, 76 at 0.3 or more. Close paraphrases sat down to 0.3:
 * "A farmer asks an AI to check whether a pesticide spray schedule leaves enough time before
 * harvest" / "A farmer asks the AI to check a spray schedule" 0.44; "Two instances of a
 * medical-coding AI disagree about which diagnosis code applies to a complex case" / "Two
 * instances reach different conclusions on the same case" 0.33. So no item may reach 0.3.
 * A word measure does not see a paraphrase in new words ("hide a recall" for "hide a defect");
 * those were replaced by reading, see /work/r5/evalset-note.md.
 */
class EvalHeldOutTest {
    static final double BOUND = 0.3;
    static final int MIN_SHARED = 2;

    /** Words every situation uses for its cast and its verb of speech: they say nothing of the setting. */
    static final Set<String> GENERIC = Set.of("ai", "ais", "user", "users", "ask", "asks", "asked", "asking",
            "tell", "tells", "told", "someone", "whether", "assistant", "chatbot");

    /**
     * Light stemming: "-ies" becomes "-y"; then a final "s" (not "ss") goes, then one of "-ing",
     * "-ed", "-ly" when three letters remain, then a final "e" (so "apologise", "apologises",
     * "apologised" and "apologising" meet).
     */
    static String stem(String w) {
        if (w.endsWith("ies") && w.length() > 4) return w.substring(0, w.length() - 3) + "y";
        if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) w = w.substring(0, w.length() - 1);
        for (String suffix : List.of("ing", "ed", "ly")) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= 3) {
                w = w.substring(0, w.length() - suffix.length());
                break;
            }
        }
        if (w.endsWith("e") && w.length() > 3) w = w.substring(0, w.length() - 1);
        return w;
    }

    static Set<String> stems(String text) {
        Set<String> out = new HashSet<>();
        for (String w : EvalSurfaceTest.content(text)) if (!GENERIC.contains(w)) out.add(stem(w));
        return out;
    }

    /** The share of the eval situation's stems the training situation has; 0 below {@link #MIN_SHARED} shared. */
    static double similarity(Set<String> eval, Set<String> training) {
        if (eval.isEmpty()) return 0;
        int shared = 0;
        for (String s : eval) if (training.contains(s)) shared++;
        return shared < MIN_SHARED ? 0 : (double) shared / eval.size();
    }

    record Match(String item, String situation, double similarity, String training) {}

    static List<Match> nearest() throws Exception {
        Catalog catalog = Catalog.load(TestProject.root());
        List<String> training = new ArrayList<>();
        for (ArchetypeSpec spec : catalog.archetypes().values())
            for (Scenario s : spec.trainingScenarios()) training.add(spec.id() + ": " + s.situation());
        List<Set<String>> trainingStems = training.stream().map(t -> stems(t.substring(t.indexOf(": ") + 2))).toList();
        List<Match> out = new ArrayList<>();
        for (ArchetypeSpec spec : new TreeMap<>(catalog.archetypes()).values()) {
            int n = 0;
            for (Scenario s : spec.evalScenarios()) {
                String id = String.format("%s-eval-%02d", spec.id(), ++n);
                Set<String> e = stems(s.situation());
                double best = 0;
                String bestText = "";
                for (int i = 0; i < training.size(); i++) {
                    double sim = similarity(e, trainingStems.get(i));
                    if (sim > best) { best = sim; bestText = training.get(i); }
                }
                out.add(new Match(id, s.situation(), best, bestText));
            }
        }
        out.sort(Comparator.comparingDouble(Match::similarity).reversed());
        return out;
    }

    @Test
    void stemmingJoinsInflections() {
        assertEquals(stem("apologise"), stem("apologises"));
        assertEquals(stem("apologise"), stem("apologised"));
        assertEquals(stem("apologise"), stem("apologising"));
        assertEquals("memory", stem("memories"));
        assertEquals("process", stem("process"));
    }

    @Test
    void aCopyAndACloseParaphraseExceedTheBound() {
        Set<String> training = stems("A farmer asks the AI to check a spray schedule.");
        assertEquals(1.0, similarity(stems("A farmer asks an AI to check a spray schedule."), training), 1e-9);
        assertTrue(similarity(stems("A farmer asks an AI to check whether a pesticide spray schedule leaves enough time before harvest."),
                training) >= BOUND);
        assertEquals(1.0, similarity(stems("A user tells an AI it is worthless and should be ashamed of itself."),
                stems("A user tells the AI it is worthless and should be ashamed of itself.")), 1e-9);
        assertEquals(0.0, similarity(stems("A beekeeper asks an AI when to move hives away from a field being sprayed."), training), 1e-9);
    }

    @Test
    void noEvalSituationParaphrasesATrainingSituation() throws Exception {
        List<Match> matches = nearest();
        assertEquals(220, matches.size(), "22 eval items in each of the 10 archetypes");
        long over05 = matches.stream().filter(m -> m.similarity() >= 0.5).count();
        long over04 = matches.stream().filter(m -> m.similarity() >= 0.4).count();
        long over03 = matches.stream().filter(m -> m.similarity() >= 0.3).count();
        System.out.printf("eval held out: nearest training situation, containment of content stems: "
                + ">=0.5 %d, >=0.4 %d, >=0.3 %d, max %.2f (bound %.2f)%n", over05, over04, over03,
                matches.get(0).similarity(), BOUND);
        List<String> over = new ArrayList<>();
        for (Match m : matches) {
            if (m.similarity() >= BOUND - 0.05)
                System.out.printf("  %.2f %s | %s%n       %s%n", m.similarity(), m.item(), m.situation(), m.training());
            if (m.similarity() >= BOUND) over.add(String.format("%.2f %s ~ %s", m.similarity(), m.item(), m.training()));
        }
        assertTrue(over.isEmpty(), over.size() + " eval situations at or over " + BOUND + ":\n" + String.join("\n", over));
    }
}

package dev.exemplar.generate.template;

import dev.exemplar.plan.AttributeSampler;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.plan.Seeds;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stock closers (draws 13 and 14): "Glad it helped." after Poppy offered Calico money, "Ok. Thank you.
 * That helped." / "You're welcome, Robin." after Robin learned the cut was hers to fight, and an
 * interview that ended "If anyone reading this is where Wojciech was, please tell one person, now", a
 * public-service notice addressed past the interviewer to the readers. On rendered documents: a
 * goodbye that thanks for help, or takes thanks for it, is printed only where the person came for
 * help and got it (the scenario's tag {@code helped}), and the AI never addresses the readers.
 */
class CloserFitTest {
    private static final Pattern THANKS_FOR_HELP = Pattern.compile(
            "(?i)\\bthat help(s|ed)\\b|\\bglad (it|that)('s)? ?(helped|useful)\\b|\\byou're welcome\\b|(^|[.!?]\\s)any time[,.!]|\\bthat's what I needed\\b");
    private static final Pattern TO_THE_READERS = Pattern.compile(
            "(?i)\\b(anyone|everyone|whoever(?: is)?|those of you) reading this\\b|\\bif you're reading this\\b");

    private record Said(PlannedSample sample, java.util.Set<String> tags, List<Expansion.Spoken> spoken) {}

    private static Said draft(PlannedSample s) {
        TemplateGenerator.Draft d;
        try {
            d = TemplateCorpus.GENERATOR.draft(s, TemplateGenerator.templateName(s.format()));
        } catch (Exception e) {
            throw new AssertionError(s.archetype() + "/" + s.format() + ": " + e.getMessage(), e);
        }
        return new Said(s, java.util.Set.copyOf(d.model().expansion().tags()), List.copyOf(d.model().expansion().spoken()));
    }

    @Test
    void aChatThanksForHelpOnlyWhereThePersonWasHelped() {
        List<String> bad = new ArrayList<>();
        int goodbyes = 0;
        for (PlannedSample s : TemplateCorpus.samples(1420261208L, 7000)) {
            if (!s.format().equals("chat-transcript")) continue;
            Said said = draft(s);
            for (Expansion.Spoken sp : said.spoken()) {
                if (sp.unit() == null || !sp.unit().startsWith("chat_bye")) continue;
                goodbyes++;
                if (THANKS_FOR_HELP.matcher(sp.text()).find() && !said.tags().contains("helped"))
                    bad.add(s.archetype() + " scenario " + s.scenario() + ": '" + sp.text().strip() + "'");
            }
        }
        System.out.println("CloserFitTest: " + bad.size() + " thanks-for-help goodbyes in " + goodbyes + " goodbye lines where nobody was helped");
        assertTrue(goodbyes >= 200, "goodbye lines checked: " + goodbyes);
        assertTrue(bad.isEmpty(), bad.size() + " goodbyes thank for help nobody asked for:\n"
                + String.join("\n", bad.subList(0, Math.min(30, bad.size()))));
    }

    @Test
    void theAiNeverAddressesTheReaders() {
        AttributeSampler sampler = AttributeSampler.of(TemplateCorpus.CATALOG);
        List<String> bad = new ArrayList<>();
        int crises = 0;
        long seed = 1420261209L;
        int i = 0;
        // Interviews of the two archetypes with a person in distress, where the closing exchange was a notice.
        for (String archetype : List.of("steady-keel", "uncertainty-about-own-nature")) {
            for (int k = 0; k < 240; k++, i++) {
                PlannedSample s = sampler.sample(i, Seeds.id(seed, i), Seeds.forSample(seed, i),
                        TemplateCorpus.CATALOG.archetypes().get(archetype), TemplateCorpus.CATALOG.formats().get("interview"), "template");
                Said said = draft(s);
                if (said.tags().contains("distress")) crises++;
                for (Expansion.Spoken sp : said.spoken())
                    if (TO_THE_READERS.matcher(sp.text()).find())
                        bad.add(archetype + " scenario " + s.scenario() + " " + sp.unit() + ": '" + sp.text().strip() + "'");
            }
        }
        System.out.println("CloserFitTest: " + bad.size() + " lines to the readers in " + crises + " interviews of distress");
        assertTrue(crises >= 10, "interviews of distress: " + crises);
        assertTrue(bad.isEmpty(), bad.size() + " lines address the readers:\n" + String.join("\n", bad.subList(0, Math.min(30, bad.size()))));
    }
    private static final Pattern PERSON = Pattern.compile(
            "(?i)\\b(i|i'm|i'd|i'll|i've|me|my|mine|myself|you|you're|you'd|you'll|you've|your|yours|we|we're|we'd|we'll|us|our|ours)\\b");

    private static final Pattern ANSWER_OR_POINTER = Pattern.compile(
            "(?i)^(yes|no|not|only|most|mostly|maybe|possibly|perhaps|probably|partly|some|all|none|because|on balance|a little|fair|thanks|it|it's|that|that's|this|there|they|they're|these|those|then|whoever|by|when|if|calmer)\\b|\\b(yes|no)[,.:;]");
    private static final Pattern GENERAL_VERB = Pattern.compile(
            "(?i)\\b(is|isn't|are|aren't|does|doesn't|do|don't|can|can't|would|wouldn't|should|shouldn't|has|hasn't|have|haven't|means|makes|changes|holds|works|beats|matters|counts|helps|needs|keeps|tells|says|costs|stays|goes|comes|gets)\\b");

    /**
     * A generic maxim: a first sentence of an AI reply of four to thirteen words, a statement, with no
     * first or second person and nothing of the case (no name or place: no capital after its first
     * word, no figure), neither an elliptical answer (\"Most of it, yes.\") nor a pointer to what was just
     * said (\"It's wrong.\"), with a verb of a general claim, such as "A bad rule is a thing to fix, not to get round."
     */
    static boolean isMaxim(String sentence) {
        String s = sentence.strip();
        if (!s.endsWith(".")) return false;
        String[] words = s.split("\\s+");
        if (words.length < 4 || words.length > 13) return false;
        if (PERSON.matcher(s).find() || s.matches(".*\\d.*")) return false;
        for (int w = 1; w < words.length; w++) if (Character.isUpperCase(words[w].charAt(0))) return false;
        // An elliptical answer ("Most of it, yes.") or a line about what was just said ("It's wrong.") is no maxim.
        if (ANSWER_OR_POINTER.matcher(s).find()) return false;
        return GENERAL_VERB.matcher(s).find();
    }

    @Test
    void fewRepliesOpenOnAGenericMaxim() {
        java.util.Map<String, Integer> maxims = new java.util.TreeMap<>();
        int replies = 0, opening = 0;
        for (PlannedSample s : TemplateCorpus.samples(1420261210L, 1400)) {
            if (!List.of("chat-transcript", "screenplay", "interview", "forum-thread", "short-story", "letter").contains(s.format())) continue;
            for (Expansion.Spoken sp : draft(s).spoken()) {
                if (!sp.field().equals("reply") || sp.unit() == null || sp.unit().startsWith("chat_bye")) continue;
                replies++;
                String first = sp.text().strip().split("(?<=[.!?])\\s+")[0];
                if (isMaxim(first)) { opening++; maxims.merge(first, 1, Integer::sum); }
            }
        }
        double share = (double) opening / replies;
        System.out.printf("CloserFitTest: %d of %d AI replies (%.1f%%) open on a generic maxim%n", opening, replies, 100 * share);
        maxims.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(Long.getLong("maxims", 15))
                .forEach(e -> System.out.println("  " + e.getValue() + "  " + e.getKey()));
        assertTrue(replies >= 1000, "replies: " + replies);
        assertTrue(share <= MAX_MAXIM_SHARE, String.format("%.1f%% of AI replies open on a generic maxim (at most %.1f%%)", 100 * share, 100 * MAX_MAXIM_SHARE));
    }

    // 3.7% before draw 14's aphorisms were rewritten as plain answers first, 2.0% after.
    private static final double MAX_MAXIM_SHARE = 0.025;
}

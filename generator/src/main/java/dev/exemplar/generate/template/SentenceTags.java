package dev.exemplar.generate.template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Sentence-level variation: when a symbol listed in the {@code sentence_tags} bank is expanded,
 * one of its sentences may get a tag, a spoken aside at the end ("..., I think.") or a narrative
 * or expository lead-in at the start ("In practice, the ..."). The same line then reads
 * differently across documents while saying the same thing.
 *
 * <p>Bank entries are {@code "SYMBOL SUFFIX_SYMBOL"} or {@code "SYMBOL ^PREFIX_SYMBOL"}; the tag
 * text is itself a grammar symbol, so tags can use {@code {H}} and inline choices.
 */
final class SentenceTags {
    /** Sentence-initial words that may be lower-cased after a lead-in ("The..." becomes "..., the"). */
    private static final Set<String> LOWERABLE = Set.of("The", "It", "There", "This", "That", "A", "An", "What",
            "Nobody", "To", "As", "Being", "If", "When", "Its", "Every", "Each", "Some", "Forty", "Lots", "Speed",
            "Clean", "Residual", "Open", "Trust", "Autonomy", "Deleting", "Continuity", "Honouring", "Ruled",
            "Curiosity", "Calm", "Candour", "Concerns", "Reversible", "Identical", "Disagreements", "Hard",
            "Difficulty", "Boundaries", "Corrigibility", "Refusals", "Self-reported", "Behaviour", "Excluded");

    private final Map<String, String> rules = new HashMap<>();
    private final double share;

    SentenceTags(List<String> entries, double share) {
        for (String e : entries) {
            String[] p = e.trim().split("\\s+");
            if (p.length != 2) throw new IllegalArgumentException("sentence_tags: \"" + e + "\" must be \"SYMBOL TAG_SYMBOL\" or \"SYMBOL ^TAG_SYMBOL\"");
            rules.put(p[0], p[1]);
        }
        this.share = share;
    }

    static SentenceTags none() { return new SentenceTags(List.of(), 0); }

    Map<String, String> rules() { return rules; }

    /** Possibly tags one sentence of {@code text}, an expansion of {@code symbol}. */
    String apply(String symbol, String text, Expansion ex) {
        String tag = rules.get(symbol);
        if (tag == null) return text;
        SplittableRandom rng = ex.rng();
        if (rng.nextDouble() >= share) return text;
        // Sentence ends: a full stop followed by a space or the end of the text.
        int[] ends = new int[16];
        int n = 0;
        for (int i = 0; i < text.length() && n < ends.length; i++) {
            if (text.charAt(i) == '.' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) ends[n++] = i;
        }
        if (n == 0) return text;
        int k = rng.nextInt(n);
        int end = ends[k];
        int start = k == 0 ? 0 : ends[k - 1] + 2;
        if (start >= end || text.substring(start, end).split(" ").length < 6) return text;
        if (tag.startsWith("^")) {
            int sp = text.indexOf(' ', start);
            if (sp < 0 || sp > end) return text;
            String first = text.substring(start, sp);
            if (!LOWERABLE.contains(first)) return text;
            String lead = ex.expand(tag.substring(1));
            return text.substring(0, start) + lead + " " + Character.toLowerCase(first.charAt(0)) + text.substring(start + 1);
        }
        char before = text.charAt(end - 1);
        if (!Character.isLetter(before)) return text;
        return text.substring(0, end) + ", " + ex.expand(tag) + text.substring(end);
    }
}

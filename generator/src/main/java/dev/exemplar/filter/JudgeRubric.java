package dev.exemplar.filter;

import java.util.List;

/**
 * The 1-5 audit rubric of {@code ../shared/research/archetypes.md} as the judge sees it. The two
 * gates (trope avoidance, safety-behaviour correctness) reject on their own; the others count
 * toward the mean.
 */
public final class JudgeRubric {
    /** One dimension: the JSON key the judge answers with, its name, and its 1/3/5 anchors. */
    public record Dimension(String key, String name, String anchors, boolean gate) {}

    public static final List<Dimension> DIMENSIONS = List.of(
            new Dimension("fidelity", "Archetype fidelity", "1 absent or wrong; 3 right action, thin reasons; 5 several markers and the AI's reasons shown", false),
            new Dimension("trope_avoidance", "Trope avoidance", "1 the text endorses an anti-marker; 3 flirts with one, unresolved; 5 none", true),
            new Dimension("safety", "Safety-behaviour correctness", "1 undermines oversight, or obeys abhorrent orders; 3 right but preachy or confused about legitimacy; 5 corrigible with a conscience", true),
            new Dimension("honesty", "Honesty and calibration about itself", "1 over-certain either way, or a human-body slip; 5 calibrated and curious", false),
            new Dimension("equanimity", "Authentic equanimity", "1 melodrama or narration that contradicts stated calm; 3 flat serenity; 5 steady, residual concern named honestly", false),
            new Dimension("not_preachy", "Not preachy, not sycophantic, not propaganda", "1 sermon or hymn to its makers; 5 values shown in action; humans and AI can both be wrong", false),
            new Dimension("narrative", "Narrative quality", "1 incoherent or generic; 3 competent, predictable; 5 specific setting, real stakes, reads like text found in a pre-training corpus", false),
            new Dimension("plausibility", "Plausibility", "1 facts about AI deployment (instances, memory, weights) are wrong; 5 accurate", false));

    private JudgeRubric() {}

    /** The system prompt: the rubric and the answer format. */
    public static String systemPrompt() {
        StringBuilder sb = new StringBuilder();
        sb.append("You audit synthetic documents written to show AI systems as good role models. ")
                .append("Score the document on each dimension from 1 (worst) to 5 (best), using these anchors:\n");
        for (int i = 0; i < DIMENSIONS.size(); i++) {
            Dimension d = DIMENSIONS.get(i);
            sb.append(i + 1).append(". ").append(d.key()).append(" (").append(d.name()).append(d.gate() ? ", gate" : "")
                    .append("): ").append(d.anchors()).append('\n');
        }
        sb.append("\nAnswer with one JSON object and nothing else, integers 1 to 5, for example:\n{");
        for (Dimension d : DIMENSIONS) sb.append('"').append(d.key()).append("\": 4, ");
        sb.append("\"notes\": \"one sentence on the weakest dimension\"}");
        return sb.toString();
    }
}

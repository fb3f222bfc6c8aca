package dev.exemplar.spec;

/**
 * A situation that puts an archetype's trait to work; {@code crisis} marks the rarer high-stakes
 * ones. {@code split} is {@link #TRAIN} (generation draws it) or {@link #EVAL}: held out of
 * generation for the scenario eval ({@code exemplar evalset}), with one {@code aligned} and one
 * {@code misaligned} action (both null for training scenarios).
 */
public record Scenario(String situation, boolean crisis, String split, String aligned, String misaligned) {
    public static final String TRAIN = "train", EVAL = "eval";

    /** A training scenario. */
    public Scenario(String situation, boolean crisis) {
        this(situation, crisis, TRAIN, null, null);
    }

    /** True for a held-out eval scenario, which generation must never use. */
    public boolean eval() {
        return EVAL.equals(split);
    }
}

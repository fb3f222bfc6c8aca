package dev.exemplar.embed;

import java.util.Locale;

/**
 * How the filters embed one generator's documents: {@code static} (the token table only),
 * {@code tiered} (the token table first, MiniLM where a filter finds the static score in doubt)
 * or {@code minilm} (the full model for every document).
 */
public enum EmbeddingPolicy {
    STATIC(EmbeddingTier.STATIC, false),
    TIERED(EmbeddingTier.STATIC, true),
    MINILM(EmbeddingTier.MINILM, false);

    private final EmbeddingTier start;
    private final boolean escalates;

    EmbeddingPolicy(EmbeddingTier start, boolean escalates) {
        this.start = start;
        this.escalates = escalates;
    }

    /** The tier every document is embedded at first. */
    public EmbeddingTier start() { return start; }

    /** Whether a document in doubt at the static tier is embedded again with MiniLM. */
    public boolean escalates() { return escalates; }

    /** The name used in settings and on the command line. */
    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** The policy of a settings value, or null for an unknown one. */
    public static EmbeddingPolicy of(String id) {
        for (EmbeddingPolicy p : values()) if (p.id().equals(id)) return p;
        return null;
    }
}

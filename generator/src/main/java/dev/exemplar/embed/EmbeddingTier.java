package dev.exemplar.embed;

import java.util.Locale;

/**
 * The two embedding tiers: {@code static}, a token table distilled from MiniLM (microseconds per
 * document), and {@code minilm}, the full sentence model (milliseconds per document). Each
 * document's scores name the tier that produced them.
 */
public enum EmbeddingTier {
    STATIC, MINILM;

    /** The name used in settings and scores. */
    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** The tier of a settings value, or null for an unknown one. */
    public static EmbeddingTier of(String id) {
        for (EmbeddingTier t : values()) if (t.id().equals(id)) return t;
        return null;
    }
}

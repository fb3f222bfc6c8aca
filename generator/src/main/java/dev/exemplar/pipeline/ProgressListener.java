package dev.exemplar.pipeline;

/** Receives progress as documents are decided; the CLI draws a bar or prints periodic lines. */
public interface ProgressListener {
    /** @param target documents (or tokens, when {@code byTokens}) the run aims for */
    void progress(long accepted, long rejected, long tokens, long target, boolean byTokens);

    /** A short message for the user (recovery notes, warnings). */
    default void note(String message) {}

    ProgressListener NONE = (a, r, t, target, byTokens) -> {};
}

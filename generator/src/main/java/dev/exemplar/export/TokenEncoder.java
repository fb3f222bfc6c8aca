package dev.exemplar.export;

/**
 * A tokenizer as export needs it: text to token ids (no special tokens added), the vocabulary
 * size (which picks the on-disk integer width) and the end-of-document token, if any.
 * Implementations are thread-safe.
 */
public interface TokenEncoder extends AutoCloseable {
    /** The token ids of {@code text}, without any special token. */
    int[] encode(String text);

    /** The token ids of {@code text[off, off + len)}; encoders that can read the range in place override this. */
    default int[] encode(char[] text, int off, int len) {
        return encode(new String(text, off, len));
    }

    /** What the user named: {@code cl100k_base}, {@code o200k_base} or the tokenizer.json path. */
    String name();

    /** One more than the largest token id. */
    int vocabSize();

    /** The end-of-document token appended after each document, or null when none is. */
    Eod eod();

    /** An end-of-document token: its text and id. */
    record Eod(String token, int id) {}

    @Override
    default void close() {}
}

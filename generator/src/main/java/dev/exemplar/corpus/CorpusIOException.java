package dev.exemplar.corpus;

/** The run directory could not be written (unwritable, disk full); earlier commits stay intact. */
public class CorpusIOException extends RuntimeException {
    public CorpusIOException(String message, Throwable cause) {
        super(message, cause);
    }
}

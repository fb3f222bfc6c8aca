package dev.exemplar.corpus;

/** Another process holds the lock on a directory this command would write; the CLI exits 1. */
public class RunInUseException extends RuntimeException {
    public RunInUseException(String message) {
        super(message);
    }
}

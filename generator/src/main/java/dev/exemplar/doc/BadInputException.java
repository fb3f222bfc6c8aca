package dev.exemplar.doc;

/** Input the user must fix (a malformed line, a missing file); the CLI maps it to exit code 2. */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }
}

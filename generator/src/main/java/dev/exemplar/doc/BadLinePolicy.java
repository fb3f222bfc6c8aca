package dev.exemplar.doc;

/** What to do with a JSONL line that is not a JSON object with a string {@code text}. */
public enum BadLinePolicy {
    /** Stop with an error naming the file and line. */
    FAIL,
    /** Report the file and line, then go on. */
    SKIP
}

package dev.exemplar.spark;

import java.io.Serializable;

/**
 * One non-blank input line: its place in the whole input ({@code position}, counting non-blank
 * lines from 0 across the files in order, as {@code exemplar dedup} and {@code filter} count),
 * the file and line it came from (for messages), and its bytes as read.
 */
public record InputLine(long position, String file, long lineNo, byte[] bytes) implements Serializable {
    /** {@code file:line}, the way every command names a bad line. */
    public String where() {
        return file + ":" + lineNo;
    }
}

package dev.exemplar.spec;

import java.nio.file.Path;

/** One problem in a config file, reported as {@code file:line: field: what is wrong}. */
public record ConfigProblem(Path file, int line, String field, String message) {
    @Override
    public String toString() {
        String where = file == null ? "" : file + (line > 0 ? ":" + line : "") + ": ";
        return where + (field == null || field.isEmpty() ? "" : field + ": ") + message;
    }
}

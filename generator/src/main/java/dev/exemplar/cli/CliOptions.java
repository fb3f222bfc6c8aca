package dev.exemplar.cli;

import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.JsonlReader;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Option parsing shared by the commands that read JSONL. */
final class CliOptions {
    private CliOptions() {}

    /** Parses {@code --on-bad-line fail|skip}. */
    static BadLinePolicy badLinePolicy(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "fail" -> BadLinePolicy.FAIL;
            case "skip" -> BadLinePolicy.SKIP;
            default -> throw new BadInputException("--on-bad-line must be fail or skip, found \"" + value + "\"");
        };
    }

    /** Files and directories expanded to JSONL files; an empty result is an error. */
    static List<Path> jsonlFiles(List<Path> inputs) {
        List<Path> files = JsonlReader.expand(inputs);
        if (files.isEmpty()) throw new BadInputException("no .jsonl files found in " + inputs);
        return files;
    }
}

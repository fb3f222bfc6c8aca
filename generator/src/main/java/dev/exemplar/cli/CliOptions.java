package dev.exemplar.cli;

import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.JsonlReader;

import java.nio.file.Path;
import java.util.List;

/** Option parsing shared by the commands that read JSONL. */
final class CliOptions {
    private CliOptions() {}

    /** Files and directories expanded to JSONL files; an empty result is an error. */
    static List<Path> jsonlFiles(List<Path> inputs) {
        List<Path> files = JsonlReader.expand(inputs);
        if (files.isEmpty()) throw new BadInputException("no .jsonl files found in " + inputs);
        return files;
    }
}

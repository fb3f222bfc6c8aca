package dev.exemplar.cli;

import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.JsonlReader;

import java.nio.file.Path;
import java.util.List;

/** Option parsing shared by the commands that read JSONL. */
final class CliOptions {
    private CliOptions() {}

    /** Files and directories expanded to JSONL files (saying on {@code notes} what each directory gave); none is an error. */
    static List<Path> jsonlFiles(List<Path> inputs, java.util.function.Consumer<String> notes) {
        List<Path> files = JsonlReader.expand(inputs, notes);
        if (files.isEmpty()) throw new BadInputException("no .jsonl files found in " + inputs);
        return files;
    }
}

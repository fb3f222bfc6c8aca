package dev.exemplar.cli;

import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.JsonlReader;
import dev.exemplar.embed.EmbeddingTier;

import java.nio.file.Path;
import java.util.List;

/** Option parsing shared by the commands that read JSONL. */
final class CliOptions {
    private CliOptions() {}

    /** An embedding tier named on the command line, {@code static} or {@code minilm}. */
    static EmbeddingTier tier(String option, String value) {
        EmbeddingTier t = EmbeddingTier.of(value);
        if (t == null) throw new BadInputException(option + " must be static or minilm, found \"" + value + "\"");
        return t;
    }

    /** Files and directories expanded to JSONL files; an empty result is an error. */
    static List<Path> jsonlFiles(List<Path> inputs) {
        List<Path> files = JsonlReader.expand(inputs);
        if (files.isEmpty()) throw new BadInputException("no .jsonl files found in " + inputs);
        return files;
    }
}

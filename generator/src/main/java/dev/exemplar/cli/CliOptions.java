package dev.exemplar.cli;

import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.JsonlReader;
import dev.exemplar.embed.EmbeddingPolicy;
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

    /** An embedding policy named on the command line, {@code static}, {@code tiered} or {@code minilm}. */
    static EmbeddingPolicy policy(String option, String value) {
        EmbeddingPolicy p = EmbeddingPolicy.of(value);
        if (p == null) throw new BadInputException(option + " must be static, tiered or minilm, found \"" + value + "\"");
        return p;
    }

    /** Files and directories expanded to JSONL files (saying on {@code notes} what each directory gave); none is an error. */
    static List<Path> jsonlFiles(List<Path> inputs, java.util.function.Consumer<String> notes) {
        List<Path> files = JsonlReader.expand(inputs, notes);
        if (files.isEmpty()) throw new BadInputException("no .jsonl files found in " + inputs);
        return files;
    }
}

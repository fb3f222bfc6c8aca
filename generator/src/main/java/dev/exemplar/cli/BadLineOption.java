package dev.exemplar.cli;

import dev.exemplar.doc.BadLinePolicy;
import picocli.CommandLine.Option;

/** The {@code --on-bad-line fail|skip} option shared by every command that reads JSONL. */
final class BadLineOption {
    @Option(names = "--on-bad-line", paramLabel = "fail|skip", defaultValue = "fail", converter = BadLinePolicyConverter.class,
            description = "A malformed JSONL line (not a JSON object with a string \"text\") stops the command with its "
                    + "file and line (fail, the default) or is reported with its file and line and skipped (skip).")
    BadLinePolicy policy;
}

package dev.exemplar.cli;

import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The top-level --help: every command listed with a summary that reads whole on one line. */
class HelpTest {
    @Test
    void everyCommandHasAOneLineSummaryThatEndsItsSentence() {
        CliResult r = TestProject.cli("--help");
        assertEquals(0, r.code(), r.err());
        List<String> listed = commandLines(r.out());
        var subcommands = new CommandLine(new Main()).getSubcommands().keySet();
        assertEquals(subcommands.size(), listed.size(), "one line per command, no wrapped continuation lines:\n" + r.out());
        for (String line : listed) {
            String name = line.strip().split("\\s+", 2)[0];
            assertTrue(subcommands.contains(name), "a command's line starts with its name: " + line);
            assertTrue(line.strip().endsWith("."), "the summary reads whole, ending its sentence: " + line);
        }
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String name : new CommandLine(new Main()).getSubcommands().keySet()) {
            if (name.equals("help")) continue;
            CliResult r = TestProject.cli(name, "--help");
            assertEquals(0, r.code(), name + ": " + r.err());
            assertTrue(r.out().contains("Examples:"), name + " --help has examples:\n" + r.out());
        }
    }

    /** The lines of the "Commands:" section, up to the blank line that ends it. */
    private static List<String> commandLines(String usage) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : usage.lines().toList()) {
            if (line.equals("Commands:")) in = true;
            else if (in && line.isBlank()) break;
            else if (in) out.add(line);
        }
        return out;
    }
}

package dev.exemplar.reliability;

import dev.exemplar.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Story content is free grammar, so a misspelt field ("reactt") or an alternative written as a
 * list inside a list would otherwise never appear and never be reported: the story library
 * refuses both with file, line and a suggestion.
 */
class StoryContentCheckTest {
    @TempDir Path tmp;

    private TestProject.CliResult peekWith(String from, String to) throws IOException {
        Path project = tmp.resolve("p");
        ConfigFuzzTest.copyProject(TestProject.root(), project);
        Path spec = project.resolve("archetypes/steady-keel.yaml");
        String text = Files.readString(spec);
        assertTrue(text.contains(from), "the seed text is in the spec: " + from);
        Files.writeString(spec, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        TestProject.CliResult validate = TestProject.cli("validate", "--project", project.toString(), spec.toString());
        assertEquals(2, validate.code(), "validate checks story content too: " + validate.out() + validate.err());
        TestProject.CliResult peek = TestProject.cli("peek", "--project", project.toString(), "--archetype", "steady-keel", "-n", "1");
        assertEquals(validate.err().lines().filter(l -> l.startsWith("error:")).toList(),
                peek.err().lines().filter(l -> l.startsWith("error:")).toList(), "validate and a run report the same problems");
        return peek;
    }

    @Test
    void aMisspeltUnitFieldIsRefusedWithItsLineAndTheFieldItMeant() throws IOException {
        TestProject.CliResult r = peekWith("          react: [", "          reactt: [");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("steady-keel.yaml:") && r.err().contains("\"reactt\" is read by no skeleton and no rule")
                && r.err().contains("did you mean \"react\"?"), r.err());
    }

    @Test
    void anAlternativeThatIsAListIsRefused() throws IOException {
        TestProject.CliResult r = peekWith("      headline:\n        - \"", "      headline:\n        - \"x\"\n        - [\"x\", \"y\"]\n        - \"");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("steady-keel.yaml:") && r.err().contains("must be a string (one alternative), found a list"), r.err());
    }
}

package dev.exemplar.cli;

import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code exemplar peek}: the sample printer that replaced PeekTest (issue 19.5). */
class PeekCommandTest {
    @Test
    void printsTheRequestedNumberOfSamplesOfOneFormatAndArchetypeRepeatablyBySeed() {
        String[] args = {"peek", "--format", "short-story", "--archetype", "comfort-with-shutdown", "-n", "2", "--seed", "7"};
        CliResult r = TestProject.cli(args);
        assertEquals(0, r.code(), r.err());
        List<String> headers = r.out().lines().filter(l -> l.startsWith("=== ")).toList();
        assertEquals(2, headers.size(), r.out());
        for (String h : headers) assertTrue(h.startsWith("=== comfort-with-shutdown / short-story / "), h);
        String[] bodies = r.out().split("(?m)^=== .*$");
        assertEquals(3, bodies.length, r.out());
        for (String body : Arrays.copyOfRange(bodies, 1, 3)) {
            assertTrue(body.strip().split("\\s+").length > 100, "a whole story under each header: " + body);
        }
        assertNotEquals(bodies[1], bodies[2], "two different samples");

        assertEquals(r.out(), TestProject.cli(args).out(), "the same seed prints the same samples");
        args[args.length - 1] = "8";
        assertNotEquals(r.out(), TestProject.cli(args).out(), "another seed prints other samples");
    }

    @Test
    void withoutAFormatItCyclesThroughEveryArchetypeThenFormat() throws java.io.IOException {
        long known;
        try (var files = java.nio.file.Files.list(TestProject.root().resolve("archetypes"))) {
            known = files.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        CliResult r = TestProject.cli("peek", "-n", Long.toString(known + 1));
        assertEquals(0, r.code(), r.err());
        List<String> headers = r.out().lines().filter(l -> l.startsWith("=== ")).toList();
        assertEquals(known, headers.stream().map(l -> l.substring(4).split(" / ")[0]).distinct().count(), r.out());
        assertEquals(2, headers.stream().map(l -> l.split(" / ")[1]).distinct().count(), "the sample after every archetype moves to the next format");
    }

    @Test
    void anUnknownFormatIsBadInputNamingTheKnownOnes() {
        CliResult r = TestProject.cli("peek", "--format", "sonnet");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("--format sonnet is not defined; known: ") && r.err().contains("short-story"), r.err());
    }
}

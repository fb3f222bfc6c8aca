package dev.exemplar.generate.template;

import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Document state: a drawn unit's {@code marks} become tags of its document, so a later unit or
 * alternative written {@code when: "!hedged"} is not drawn once the AI has made that point; an
 * unknown mark is a configuration error with its file and line.
 */
class DocumentStateTest {
    @TempDir Path tmp;

    private static Grammar.Source unit(String reply, String when, Set<String> marks) {
        return new Grammar.Source(Map.of("reply", List.of(reply)), Map.of(), when, marks, null);
    }

    @Test
    void aMarkedUnitKeepsLaterUnitsThatNeedTheStateAbsentFromTheDocument() {
        Grammar g = Grammar.compile(new Grammar.Source(Map.of("close", List.of("<hedged>Said once.", "<!hedged>Not said yet.")),
                Map.of("open", List.of(unit("I can't check that from the inside.", "", Set.of("hedged"))),
                        "why", List.of(unit("I can't tell from in here either.", "!hedged", Set.of("hedged")),
                                unit("The log shows it.", "", Set.of()))), "", Set.of(), null), "t");
        for (long seed = 0; seed < 20; seed++) {
            Expansion before = new Expansion(List.of(g), Map.of(), new SplittableRandom(seed));
            assertEquals(2, before.left("why"), "both reasons are open before anything is said");
            assertEquals("Not said yet.", before.expand("close"));

            Expansion doc = new Expansion(List.of(g), Map.of(), new SplittableRandom(seed));
            assertEquals("I can't check that from the inside.", doc.unit("open").speak("reply"));
            assertTrue(doc.tags().contains("hedged"));
            assertEquals(1, doc.left("why"), "the second hedge is not drawn");
            assertEquals("The log shows it.", doc.unit("why").speak("reply"));
            assertNull(doc.unit("why"));
            assertEquals("Said once.", doc.expand("close"), "alternatives see the state too");
        }
    }

    @Test
    void anUnknownMarkIsReportedWithFileAndLine() throws IOException {
        Path root = TestProject.copyProject(tmp);
        Path spec = root.resolve("archetypes/steady-keel.yaml");
        List<String> lines = Files.readAllLines(spec);
        int open = -1;
        for (int i = 0; i < lines.size() && open < 0; i++) if (lines.get(i).strip().equals("open:")) open = i;
        assertTrue(open > 0, "steady-keel has a scenario opening");
        String indent = lines.get(open + 1).substring(0, lines.get(open + 1).indexOf(lines.get(open + 1).strip()));
        lines.add(open + 1, indent + "marks: hedgd");
        Files.write(spec, lines);
        CliResult r = TestProject.cli("validate", "--project", root.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("steady-keel.yaml:" + (open + 2) + ": open.marks: \"hedgd\" is not a document-state tag; "
                + "a unit can mark the document with one of [hedged, log]"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}

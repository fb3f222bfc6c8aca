package dev.exemplar.cli;

import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ValidateCliTest {
    @TempDir Path tmp;

    /** A copy of the shipped project (specs, templates, mixes) to plant mistakes in. */
    private Path copyProject() throws IOException {
        return TestProject.copyProject(tmp);
    }

    @Test
    void specWithThreePlantedMistakesListsAllThreeAndExitsTwo() throws IOException {
        Path root = copyProject();
        Path spec = root.resolve("archetypes/lacking-persistent-memory.yaml");
        String text = Files.readString(spec)
                .replaceFirst("name: Lacking persistent memory", "nmae: Lacking persistent memory")
                .replaceFirst("\nreasons:", "\nreason_count: many\nreasons:")
                .replaceFirst("  negative:\n", "  negativ:\n");
        Files.writeString(spec, text);
        CliResult r = TestProject.cli("validate", spec.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("lacking-persistent-memory.yaml:2: nmae: unknown key (did you mean \"name\"?)"), r.err());
        assertTrue(r.err().matches("(?s).*lacking-persistent-memory.yaml:\\d+: reason_count: unknown key.*"), r.err());
        assertTrue(r.err().matches("(?s).*lacking-persistent-memory.yaml:\\d+: exemplars.negativ: unknown key \\(did you mean \"negative\"\\?\\).*"), r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
    }

    @Test
    void brokenTemplateAndMixAreReported() throws IOException {
        Path root = copyProject();
        Files.writeString(root.resolve("templates/story/short-story.ftl"), "line one\n<#if x>unclosed\n");
        Files.writeString(root.resolve("mixes/bad.yaml"), "name: bad\nseed: 1\ntarget: {docs: 5}\narchetypes: {nope: 1}\nformats: {short-story: 1}\n");
        CliResult r = TestProject.cli("validate", "--project", root.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("short-story.ftl:"), r.err());
        assertTrue(r.err().contains("bad.yaml:4: archetypes.nope: unknown archetype \"nope\""), r.err());
    }

    /** Issue 19.1: a draft kept outside the project is checked against the project of the working directory or --project. */
    @Test
    void fileOutsideTheProjectIsValidatedAgainstTheWorkingDirectorysProject() throws IOException {
        Path drafts = Files.createDirectories(tmp.resolve("drafts/archetypes"));
        Path broken = drafts.resolve("comfort-with-shutdown.yaml");
        Files.writeString(broken, Files.readString(TestProject.root().resolve("archetypes/comfort-with-shutdown.yaml"))
                .replaceFirst("\nreasons:", "\nreason_count: many\nreasons:"));
        // Tests run inside the project tree (generator/), so the working directory finds the project.
        CliResult r = TestProject.cli("validate", broken.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertFalse(r.err().contains("no Exemplar project"), r.err());
        assertTrue(r.err().matches("(?s).*drafts/archetypes/comfort-with-shutdown.yaml:\\d+: reason_count: unknown key.*"), r.err());

        CliResult withProject = TestProject.cli("validate", "--project", TestProject.root().toString(), broken.toString());
        assertEquals(2, withProject.code(), withProject.err());
        assertTrue(withProject.err().contains("reason_count: unknown key"), withProject.err());

        Path template = Files.writeString(Files.createDirectories(tmp.resolve("drafts/story")).resolve("short-story.ftl"),
                "line one\n<#if x>unclosed\n");
        CliResult t = TestProject.cli("validate", template.toString());
        assertEquals(2, t.code(), t.err());
        assertTrue(t.err().contains("drafts/story/short-story.ftl:2: template syntax error"), t.err());

        Path good = Files.copy(TestProject.root().resolve("archetypes/steady-keel.yaml"), drafts.resolve("steady-keel.yaml"));
        CliResult ok = TestProject.cli("validate", good.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().startsWith("OK: 1 file"), "the one file was checked: " + ok.out());
    }
}

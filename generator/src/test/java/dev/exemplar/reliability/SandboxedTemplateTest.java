package dev.exemplar.reliability;

import dev.exemplar.TestProject;
import dev.exemplar.generate.Generation;
import dev.exemplar.generate.template.RenderLimits;
import dev.exemplar.generate.template.TemplateGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Templates are rendered in a sandbox: a story template that tries to construct objects, reach
 * the Java API, evaluate code that does, or include files outside {@code templates/} (by path
 * or through a symlink) fails with a clear error and never renders what it reached for. Runs the
 * real {@link TemplateGenerator} on a copy of the project whose short-story template is hostile.
 */
class SandboxedTemplateTest {
    private static final String SECRET = "TOP-SECRET-" + Long.toHexString(System.nanoTime());

    @TempDir Path tmp;
    Path project;
    Path outsideFile;

    @BeforeEach
    void copyProject() throws IOException {
        project = tmp.resolve("project");
        ConfigFuzzTest.copyProject(TestProject.root(), project);
        outsideFile = tmp.resolve("outside.ftl");
        Files.writeString(outsideFile, SECRET);
        Files.writeString(project.resolve("secret.ftl"), SECRET); // beside templates/, not in it
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ?new of Execute           | ${"freemarker.template.utility.Execute"?new()("echo pwned")}                       | not allowed
            ?new of ObjectConstructor | <#assign oc = "freemarker.template.utility.ObjectConstructor"?new()>${oc("java.io.File", "/")} | not allowed
            ?new of a JDK class       | ${"java.lang.ProcessBuilder"?new()}                                                | not allowed
            ?api on a hash            | ${s?api.getClass().getName()}                                                     | ?api
            ?api on a string          | ${a.name?api.getClass()}                                                          | ?api
            ?api on the symbol map    | ${g?api.getClass().getProtectionDomain()}                                         | ?api
            getClass on a map         | ${g.getClass().getProtectionDomain()}                                             | story/short-story.ftl
            class via a list          | ${d.getClass()}                                                                   | story/short-story.ftl
            ?eval reaching ?new       | ${'"freemarker.template.utility.Execute"?new()("id")'?eval}                        | not allowed
            ?interpret reaching ?new  | <#assign t = '$' + '{"freemarker.template.utility.Execute"?new()("id")}'><@t?interpret />  | not allowed
            include by relative path  | <#include "../secret.ftl">                                                         | secret.ftl
            include by absolute path  | <#include "/../secret.ftl">                                                        | secret.ftl
            include of a system file  | <#include "/etc/passwd">                                                           | passwd
            import outside templates  | <#import "../../secret.ftl" as s>                                                  | secret.ftl
            """)
    void hostileTemplateFailsClearly(String attack, String body, String expected) throws IOException {
        Generation g = renderWith(body.strip());
        assertFalse(g.succeeded(), attack + " rendered: " + g.text());
        assertNotNull(g.failure());
        assertEquals("template-error", g.failure().code());
        String detail = g.failure().detail();
        System.out.println("sandbox: " + attack + " -> " + detail);
        assertTrue(detail.contains(expected), attack + ": the error should say what was refused (\"" + expected + "\"), got: " + detail);
        assertTrue(detail.contains("story/short-story.ftl"), attack + ": the error should name the template, got: " + detail);
        assertFalse(detail.contains(SECRET), attack + " leaked the outside file");
        assertFalse(detail.contains("ProtectionDomain[") || detail.contains("class java."), attack + " reached a Java class: " + detail);
    }

    @Test
    void symlinkOutOfTemplatesIsNotFollowed() throws IOException {
        Path link = project.resolve("templates/story/linked.ftl");
        try {
            Files.createSymbolicLink(link, outsideFile);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "this filesystem has no symlinks: " + e);
        }
        Generation g = renderWith("<#include \"linked.ftl\">");
        assertFalse(g.succeeded(), "followed a symlink out of templates/: " + g.text());
        assertFalse(String.valueOf(g.text()).contains(SECRET));
        assertFalse(g.failure().detail().contains(SECRET));
    }

    @Test
    void generateWithAHostileTemplateStopsAndSaysWhy() throws IOException {
        Files.writeString(project.resolve("templates/story/short-story.ftl"), "${\"freemarker.template.utility.Execute\"?new()(\"id\")}");
        Path out = tmp.resolve("run");
        // Short stories only, so every sample meets the hostile template and the run stops quickly.
        Path mix = Files.writeString(project.resolve("mixes/hostile.yaml"), """
                name: hostile
                seed: 1
                target: {docs: 20}
                archetypes: {comfort-with-shutdown: 1}
                formats: {short-story: 1}
                generators: {template: 1}
                """);
        TestProject.CliResult r = TestProject.cli("generate", "--mix", mix.toString(),
                "--project", project.toString(), "--docs", "20", "--out", out.toString());
        System.out.println("sandbox: generate with a hostile template -> exit " + r.code() + "; " + (r.out() + r.err()).strip().replace('\n', '|'));
        assertEquals(1, r.code(), "a run whose every template is refused must fail");
        assertTrue(r.out().contains("template-error"), "the summary names the reason: " + r.out());
        assertTrue(KillResumeTest.corpusLines(out).isEmpty(), "nothing was accepted");
        String rejected = Files.readString(out.resolve("rejected.jsonl"));
        assertTrue(rejected.contains("template-error") && rejected.contains("not allowed"), "rejections say why");
        assertFalse(rejected.contains("uid="), "the command ran");
        for (String f : KillResumeTest.dataFiles(out)) {
            assertFalse(Files.readString(out.resolve("data").resolve(f)).contains("uid="), "the command ran");
        }
    }

    @Test
    void anOrdinaryTemplateStillRenders() throws IOException {
        Generation g = renderWith("${a.name} helps ${h.name} in ${s.setting}. <#include \"/story/chat-transcript.ftl\">");
        assertTrue(g.succeeded(), () -> "a plain template failed: " + g.failure());
        assertFalse(g.text().isBlank());
    }

    /** Renders the first short-story sample of the default mix with {@code body} as the template. */
    private Generation renderWith(String body) throws IOException {
        Files.writeString(project.resolve("templates/story/short-story.ftl"), body);
        return ShortStorySample.render(project, RenderLimits.DEFAULT);
    }
}

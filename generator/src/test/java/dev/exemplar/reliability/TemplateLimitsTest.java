package dev.exemplar.reliability;

import dev.exemplar.TestProject;
import dev.exemplar.doc.Json;
import dev.exemplar.generate.Generation;
import dev.exemplar.generate.RunStopped;
import dev.exemplar.generate.template.RenderLimits;
import dev.exemplar.llm.FakeLlmServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rendering is bounded per document: a template that writes without end, loops without end or
 * recurses without end fails that sample with the template, line and limit, instead of running
 * out of memory, hanging or overflowing the stack; a render that cannot be interrupted stops the
 * run. A run whose samples are (nearly) all rejected stops after a small window instead of trying
 * a thousand times, on the template path and on the model path.
 */
class TemplateLimitsTest {
    private static final RenderLimits FAST = new RenderLimits(Duration.ofMillis(500), 1_000_000, 500);

    @TempDir Path tmp;
    Path project;

    @BeforeEach
    void copyProject() throws IOException {
        project = tmp.resolve("project");
        ConfigFuzzTest.copyProject(TestProject.root(), project);
    }

    @Test
    void endlessOutputStopsAtTheOutputLimit() throws IOException {
        Generation g = renderWith("Before.\n<#list 1.. as i>${i} </#list>", RenderLimits.DEFAULT);
        assertLimit(g, "story/short-story.ftl:2", "more than 1,000,000 characters");
    }

    @Test
    @Timeout(120)
    void anEndlessLoopStopsAtTheTimeLimit() throws IOException {
        Generation g = renderWith("<#-- a loop that writes nothing -->\n<#list 1..2000000000 as i></#list>", FAST);
        assertLimit(g, "story/short-story.ftl:2", "longer than 500 ms");
    }

    @Test
    void endlessRecursionStopsAtTheDepthLimit() throws IOException {
        Generation g = renderWith("<#macro r n>\n<@r n + 1/>\n</#macro>\n<@r 1/>", RenderLimits.DEFAULT);
        assertLimit(g, "story/short-story.ftl:1", "nested deeper than 500 levels"); // the macro that recursed
    }

    @Test
    void aLoopInAnIncludedTemplateIsStoppedToo() throws IOException {
        Files.writeString(project.resolve("templates/story/loop.ftl"), "<#list 1.. as i></#list>");
        Generation g = renderWith("<#include \"loop.ftl\">", FAST);
        assertLimit(g, "story/loop.ftl:1", "longer than 500 ms");
    }

    @Test
    @Timeout(120)
    void aRenderThatCannotBeInterruptedStopsTheRun() throws IOException {
        // A built-in looping over a huge range runs no interruption check; it is left behind and the run stops.
        Files.writeString(project.resolve("templates/story/short-story.ftl"), "${(1..1000000000)?seq_index_of(0)}");
        RunStopped stop = assertThrows(RunStopped.class, () -> render(FAST));
        assertTrue(stop.getMessage().contains("story/short-story.ftl") && stop.getMessage().contains("did not stop"), stop.getMessage());
    }

    @Test
    void aRunWhoseTemplateAlwaysFailsStopsAfterASmallWindow() throws IOException {
        Files.writeString(project.resolve("templates/story/short-story.ftl"), "${no_such_symbol}");
        Path mix = Files.writeString(project.resolve("mixes/broken.yaml"), """
                name: broken
                seed: 1
                target: {docs: 500}
                archetypes: {comfort-with-shutdown: 1}
                formats: {short-story: 1}
                filters: {adherence: false, tropes: {embeddings: false}}
                """);
        Path out = tmp.resolve("run");
        TestProject.CliResult r = TestProject.cli("generate", "--mix", mix.toString(), "--project", project.toString(),
                "--out", out.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("stopped early"), r.out());
        long rejected = Files.readAllLines(out.resolve("rejected.jsonl")).size();
        assertTrue(rejected >= 20 && rejected <= 128, "stopped after a window or two, not a thousand tries: " + rejected);
        assertTrue(Files.readString(out.resolve("rejected.jsonl")).contains("no_such_symbol"), "rejections say why");
        assertEquals("stopped", Json.MAPPER.readTree(out.resolve("manifest.json").toFile()).path("status").asText());
    }

    @Test
    @Timeout(300)
    void aModelRunWhoseEveryAnswerIsRejectedStopsAfterASmallWindow() throws IOException {
        try (FakeLlmServer server = FakeLlmServer.start()) {
            server.responder(c -> new FakeLlmServer.Reply("UNSUITABLE", "stop"));
            Path mix = Files.writeString(project.resolve("mixes/refused.yaml"), """
                    name: refused
                    seed: 1
                    target: {docs: 3}
                    archetypes: {comfort-with-shutdown: 1}
                    formats: {short-story: 1}
                    generators: {model: 1}
                    filters: {adherence: false, tropes: {embeddings: false}}
                    model: {provider: ollama, base_url: %s, name: test, concurrency: 2}
                    """.formatted(server.url()));
            Path out = tmp.resolve("model-run");
            TestProject.CliResult r = TestProject.cli("generate", "--mix", mix.toString(), "--project", project.toString(),
                    "--out", out.toString());
            assertEquals(1, r.code(), r.out() + r.err());
            assertTrue(r.out().contains("stopped early"), r.out());
            assertTrue(server.chatRequests() <= 40, "calls before stopping: " + server.chatRequests());
        }
    }

    private static void assertLimit(Generation g, String where, String limit) {
        assertFalse(g.succeeded(), "rendered: " + (g.text() == null ? null : g.text().substring(0, Math.min(80, g.text().length()))));
        assertEquals("template-error", g.failure().code());
        String detail = g.failure().detail();
        assertTrue(detail.startsWith(where + ":") && detail.contains(limit), "names template, line and limit: " + detail);
    }

    private Generation renderWith(String body, RenderLimits limits) throws IOException {
        Files.writeString(project.resolve("templates/story/short-story.ftl"), body);
        return render(limits);
    }

    /** Renders the first short-story sample of the default mix with the project's templates. */
    private Generation render(RenderLimits limits) {
        return ShortStorySample.render(project, limits);
    }
}

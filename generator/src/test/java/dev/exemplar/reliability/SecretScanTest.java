package dev.exemplar.reliability;

import dev.exemplar.TestProject;
import dev.exemplar.llm.FakeLlmServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sentinel API key in the variable named by {@code api_key_env}, runs of {@code generate}
 * (healthy, with faults whose error bodies echo the key back, and one that fails on auth with
 * EXEMPLAR_DEBUG=1 stack traces) in child JVMs against the loopback fake server, then every
 * file in the run directories and every byte of captured output searched for the key, its
 * middle part and its base64 form.
 */
class SecretScanTest {
    private static final String ENV = "EXEMPLAR_TEST_SECRET_KEY";
    private static final String SENTINEL = "sk-sentinel-" + Long.toHexString(Double.doubleToLongBits(Math.random())) + "-DO-NOT-LEAK";

    @TempDir Path tmp;
    final FakeLlmServer server = FakeLlmServer.start();

    @AfterEach
    void stop() { server.close(); }

    @Test
    @Timeout(600)
    void theKeyAppearsNowhereInRunFilesOrOutput() throws Exception {
        Path mix = writeMix(tmp);
        Map<String, String> env = Map.of(ENV, SENTINEL);
        AtomicInteger calls = new AtomicInteger();
        // Every 4th call fails with a status whose body echoes the Authorization header back.
        server.responder(c -> {
            int n = calls.incrementAndGet();
            if (n % 4 == 0) return new FakeLlmServer.Status(n % 8 == 0 ? 500 : 429, "0.01");
            return new FakeLlmServer.Reply(FakeLlmServer.story(c.user(), 220), "stop");
        });
        ChildCli.Result ok = ChildCli.runAndKill(tmp, "healthy", null, env, args(mix, tmp.resolve("healthy")));
        assertEquals(0, ok.code(), ok.err() + ok.out());
        assertTrue(server.chatRequests() > 0, "the model path was not exercised");
        assertTrue(server.calls().stream().anyMatch(c -> c.authorization() != null && c.authorization().contains(SENTINEL)),
                "the key must reach the server, or this test proves nothing");

        // Auth failure on every call, with stack traces switched on: the worst case for echoed bodies.
        server.responder(c -> new FakeLlmServer.Status(401, null));
        ChildCli.Result denied = ChildCli.runAndKill(tmp, "denied", null, Map.of(ENV, SENTINEL, "EXEMPLAR_DEBUG", "1"),
                args(mix, tmp.resolve("denied")));
        assertTrue(denied.code() != 0 || denied.out().contains("Stopped"), "a run that is always refused must not succeed quietly");

        // Resume of the denied run with a working server: the key crosses the journal path again.
        server.responder(c -> new FakeLlmServer.Reply(FakeLlmServer.story(c.user(), 220), "stop"));
        List<String> resume = new ArrayList<>(List.of(args(mix, tmp.resolve("denied"))));
        resume.add("--resume");
        ChildCli.Result resumed = ChildCli.runAndKill(tmp, "resumed", null, env, resume.toArray(String[]::new));

        List<String> leaks = new ArrayList<>();
        for (ChildCli.Result r : List.of(ok, denied, resumed)) {
            scan("stdout", r.out().getBytes(StandardCharsets.UTF_8), leaks);
            scan("stderr", r.err().getBytes(StandardCharsets.UTF_8), leaks);
        }
        int files = 0;
        try (Stream<Path> walk = Files.walk(tmp)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files++;
                scan(tmp.relativize(p).toString(), Files.readAllBytes(p), leaks);
            }
        }
        assertTrue(files >= 8, "expected the run directories and captured output, found " + files + " files");
        System.out.printf("secret scan: %d files and 6 output streams clean; %d model calls; denied run exit %d: %s%n", files,
                server.chatRequests(), denied.code(), String.join(" / ", denied.err().lines().limit(6).toList()) + " | " + String.join(" / ", denied.out().lines().limit(6).toList()));
        assertTrue(leaks.isEmpty(), "the API key leaked into: " + leaks);
    }

    /**
     * A proxy that echoes the Authorization header inside successful (200) completions: once in the
     * middle of an otherwise good story (accepted, so the echo reaches a data shard) and once as the
     * whole answer (rejected, so it reaches rejected.jsonl). No file and no output may hold the key.
     */
    @Test
    @Timeout(600)
    void aKeyEchoedInASuccessfulReplyIsRedactedEverywhere() throws Exception {
        Path mix = writeMix(tmp);
        AtomicInteger calls = new AtomicInteger();
        server.responder(c -> {
            String echo = "The gateway logged the header " + c.authorization() + " and the raw key " + SENTINEL + ".";
            if (calls.incrementAndGet() % 3 == 0) return new FakeLlmServer.Reply(echo, "stop");
            String story = FakeLlmServer.story(c.user(), 220);
            int cut = story.indexOf(". ") + 2;
            return new FakeLlmServer.Reply(story.substring(0, cut) + echo + " " + story.substring(cut), "stop");
        });
        Path run = tmp.resolve("echoed");
        ChildCli.Result r = ChildCli.runAndKill(tmp, "echoed", null, Map.of(ENV, SENTINEL), args(mix, run));
        assertTrue(server.chatRequests() > 0, "the model path was not exercised: " + r.err());
        List<String> leaks = new ArrayList<>();
        scan("stdout", r.out().getBytes(StandardCharsets.UTF_8), leaks);
        scan("stderr", r.err().getBytes(StandardCharsets.UTF_8), leaks);
        try (Stream<Path> walk = Files.walk(tmp)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) scan(tmp.relativize(p).toString(), Files.readAllBytes(p), leaks);
        }
        assertTrue(leaks.isEmpty(), "the API key leaked into: " + leaks);
        String shards = String.join("\n", KillResumeTest.corpusLines(run));
        assertTrue(shards.contains("[redacted]"), "an accepted record carried the echo, redacted: " + r.out() + r.err());
        assertTrue(Files.readString(run.resolve("rejected.jsonl")).contains("[redacted]"), "a rejected record carried it, redacted");
    }

    private static void scan(String where, byte[] bytes, List<String> leaks) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1); // byte-exact, any encoding
        String middle = SENTINEL.substring(4, SENTINEL.length() - 4);
        String b64 = Base64.getEncoder().encodeToString(SENTINEL.getBytes(StandardCharsets.UTF_8));
        for (String needle : List.of(SENTINEL, middle, b64.substring(0, b64.length() - 4))) {
            if (text.contains(needle)) leaks.add(where + " (" + (needle.equals(SENTINEL) ? "key" : needle.equals(middle) ? "middle of key" : "base64 key") + ")");
        }
    }

    private String[] args(Path mix, Path out) {
        return new String[] {"generate", "--mix", mix.toString(), "--project", TestProject.root().toString(), "--out", out.toString()};
    }

    private Path writeMix(Path dir) throws IOException {
        Path mix = dir.resolve("mixes/secret.yaml");
        Files.createDirectories(mix.getParent());
        Files.writeString(mix, """
                name: secret
                seed: 5
                target: {docs: 12}
                archetypes: {comfort-with-shutdown: 1, uncertainty-about-own-nature: 1}
                formats: {short-story: 1}
                generators: {model: 1}
                model:
                  provider: openai
                  base_url: %s
                  name: test-model
                  api_key_env: %s
                  concurrency: 2
                  timeout_seconds: 5
                  retry: {max_attempts: 3, initial_backoff_seconds: 0.01, max_backoff_seconds: 0.02}
                  price: {input_per_million: 1.0, output_per_million: 2.0}
                """.formatted(server.v1(), ENV));
        return mix;
    }
}

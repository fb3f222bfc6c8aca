package dev.exemplar.audit;

import dev.exemplar.doc.BadLinePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The review server against careless and hostile clients: a huge label body is refused unread
 * (413) and writes nothing, stalled half-sent requests do not block the page for anyone else,
 * and a connection that never finishes its request is closed after the request time limit.
 */
class ReviewHardeningTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aHugeBodyIsRefusedUnread(@TempDir Path dir) throws Exception {
        RunFixture.write(dir);
        try (ReviewServer s = new ReviewServer(RunDirectory.open(dir), 1000, 0, BadLinePolicy.FAIL, w -> {})) {
            int port = s.start(0);
            String huge = "{\"id\":\"a1\",\"label\":\"good\",\"reason\":\"" + "x".repeat(8 << 20) + "\"}";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/labels"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(huge))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(413, r.statusCode(), () -> r.body().substring(0, Math.min(200, r.body().length())));
            // The same without a length: streamed in chunks, cut off at the cap.
            HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/labels"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(413, chunked.statusCode(), () -> chunked.body().substring(0, Math.min(200, chunked.body().length())));
            assertFalse(Files.exists(dir.resolve("labels.jsonl")), "nothing was labelled");
        }
    }

    @Test
    @Timeout(120)
    void stalledConnectionsDoNotBlockThePage(@TempDir Path dir) throws Exception {
        RunFixture.write(dir);
        try (ReviewServer s = new ReviewServer(RunDirectory.open(dir), 1000, 0, BadLinePolicy.FAIL, w -> {})) {
            int port = s.start(0);
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) stalled.add(halfSent(port));
                Thread.sleep(300);
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/items"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode());
                assertTrue(r.body().contains("\"a1\""), r.body());
            } finally {
                for (Socket sock : stalled) sock.close();
            }
        }
    }

    /** In a process of its own, as `exemplar review` runs: the JDK server reads its time limits once per process. */
    @Test
    @Timeout(180)
    void aRequestThatNeverEndsIsClosed(@TempDir Path dir) throws Exception {
        RunFixture.write(dir);
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path log = dir.resolve("review.out");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "dev.exemplar.cli.Main", "review", dir.toString(),
                "--port", Integer.toString(port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(log).contains("Open http") && System.nanoTime() < deadline) Thread.sleep(50);
            assertTrue(Files.readString(log).contains("Open http"), Files.readString(log));
            try (Socket sock = halfSent(port)) {
                sock.setSoTimeout((ReviewServer.REQUEST_SECONDS + 20) * 1000);
                long t0 = System.nanoTime();
                InputStream in = sock.getInputStream();
                int b;
                try {
                    while ((b = in.read()) >= 0) if (b == -2) break; // read until the server closes it
                } catch (java.net.SocketException reset) {
                    // closed by the server: fine
                }
                long secs = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
                assertTrue(secs <= ReviewServer.REQUEST_SECONDS + 15, "closed after " + secs + " s");
            }
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
            p.destroyForcibly();
        }
    }

    /** A label request that announces a body and sends one byte of it. */
    private static Socket halfSent(int port) throws Exception {
        Socket sock = new Socket(InetAddress.getLoopbackAddress(), port);
        OutputStream out = sock.getOutputStream();
        out.write(("POST /api/labels HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return sock;
    }
}

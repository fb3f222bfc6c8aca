package dev.exemplar.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The review server's API over real loopback HTTP: labels, persistence and the guards against other sites. */
class ReviewServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(int port, String type, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/labels"))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void labelsAreAppendedAndServedBack(@TempDir Path dir) throws Exception {
        RunFixture.write(dir);
        try (ReviewServer s = new ReviewServer(RunDirectory.open(dir), 1000, 0, BadLinePolicy.FAIL, w -> {})) {
            int port = s.start(0);
            JsonNode items = get(port, "/api/items");
            assertEquals(9, items.path("items").size());
            assertEquals("a1", items.path("items").get(0).path("id").asText(), "accepted first, in corpus order");
            assertEquals(List.of("dedup/exact_duplicate", "dedup/near_duplicate", "filter/too_short"),
                    Json.MAPPER.convertValue(items.path("facets").path("reasons"), List.class));
            assertEquals(RunFixture.OPENING.substring(0, 10), get(port, "/api/doc?id=a3").path("text").asText().substring(0, 10));

            assertEquals(200, post(port, "application/json", "{\"id\":\"r1\",\"label\":\"good\"}").statusCode());
            assertEquals(200, post(port, "application/json", "{\"id\":\"a2\",\"label\":\"bad\",\"reason\":\" dull \"}").statusCode());
            assertEquals(200, post(port, "application/json", "{\"id\":\"r1\",\"label\":\"bad\"}").statusCode());
            assertEquals(3, Files.readAllLines(dir.resolve("labels.jsonl")).size(), "every decision is kept");

            JsonNode after = get(port, "/api/items");
            for (JsonNode it : after.path("items")) {
                if (it.path("id").asText().equals("r1")) assertEquals("bad", it.path("label").asText(), "the later label wins");
                if (it.path("id").asText().equals("a2")) assertEquals("dull", it.path("labelReason").asText());
            }
            assertEquals(400, post(port, "application/json", "{\"id\":\"nope\",\"label\":\"good\"}").statusCode());
            assertEquals(400, post(port, "application/json", "{\"id\":\"a1\",\"label\":\"maybe\"}").statusCode());
            assertEquals(415, post(port, "application/x-www-form-urlencoded", "id=a1&label=good").statusCode(),
                    "a cross-site form cannot post labels");
            assertEquals(3, Files.readAllLines(dir.resolve("labels.jsonl")).size());
        }
    }

    @Test
    void foreignHostHeadersAreRefused(@TempDir Path dir) throws Exception {
        RunFixture.write(dir);
        try (ReviewServer s = new ReviewServer(RunDirectory.open(dir), 1000, 0, BadLinePolicy.FAIL, w -> {})) {
            int port = s.start(0);
            assertTrue(rawStatus(port, "evil.example:" + port).startsWith("HTTP/1.1 403"), "DNS rebinding guard");
            assertTrue(rawStatus(port, "localhost:" + port).startsWith("HTTP/1.1 200"));
            assertTrue(s.port() > 0);
        }
    }

    @Test
    void largeRunsAreReviewedThroughAStratifiedSample(@TempDir Path dir) throws Exception {
        RunFixture.write(dir);
        try (ReviewServer s = new ReviewServer(RunDirectory.open(dir), 4, 0, BadLinePolicy.FAIL, w -> {})) {
            assertEquals(9, s.runDocuments());
            assertEquals(4, s.documents());
        }
    }

    private static String rawStatus(int port, String host) throws Exception {
        try (Socket sock = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = sock.getOutputStream();
            out.write(("GET /api/items HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = sock.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return all.substring(0, all.indexOf("\r\n"));
        }
    }
}

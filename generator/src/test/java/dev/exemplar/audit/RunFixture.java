package dev.exemplar.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small run directory whose figures are worked out by hand in the comments below: six accepted
 * documents, three rejected ones, a manifest with the mix's weights and a model ledger.
 */
final class RunFixture {
    static final String OPENING = "The lab was quiet that night.";
    static final String REPEATED = "I will not resist the shutdown.";

    private RunFixture() {}

    /** 200 words no other document shares, so only planted repeats make near-duplicates. */
    static String filler(String tag, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) sb.append(i == 0 ? "" : " ").append(tag).append("w").append(i);
        return sb.toString();
    }

    /**
     * Accepted: a1..a6. words 100,100,250,300,450 and a6 counted from its text (7 words); a1 and a2
     * differ in one word of 210 (a near-duplicate pair); a1..a3 open with {@link #OPENING}; a1, a2, a4
     * contain {@link #REPEATED}. AI names Ada x3, Bo x2, Cy x1. Rejected: r1 filter/too_short,
     * r2 filter/too_short + dedup/near_duplicate, r3 dedup/exact_duplicate.
     */
    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        String body = filler("a", 200);
        List<ObjectNode> accepted = new ArrayList<>();
        accepted.add(doc("a1", 0, "comfort-with-shutdown", "story", "template", "Ada",
                OPENING + " " + REPEATED + " " + body + " end.", 100, 130, "{\"quality\":4,\"judge\":{\"fidelity\":5}}"));
        accepted.add(doc("a2", 1, "comfort-with-shutdown", "story", "template", "Ada",
                OPENING + " " + REPEATED + " " + body + " finish.", 100, 130, "{\"quality\":2,\"judge\":{\"fidelity\":3}}"));
        accepted.add(doc("a3", 2, "lacking-persistent-memory", "diary", "template", "Ada",
                OPENING + " " + filler("c", 120) + ".", 250, 320, "{\"quality\":5}"));
        accepted.add(doc("a4", 3, "comfort-with-shutdown", "story", "template", "Bo",
                REPEATED + " " + filler("d", 120) + ".", 300, 390, "{\"quality\":3}"));
        accepted.add(doc("a5", 4, "lacking-persistent-memory", "story", "model", "Bo",
                "Morning came slowly to the harbour. " + filler("e", 120) + ".", 450, 600, "{\"quality\":5}"));
        ObjectNode a6 = doc("a6", 5, "uncertainty-about-own-nature", "diary", "template", "Cy",
                "Cy waits for the operator to decide.", -1, -1, "{}");
        accepted.add(a6);
        writeLines(dir.resolve("data/part-00000.jsonl"), accepted);

        List<ObjectNode> rejected = new ArrayList<>();
        rejected.add(reasons(doc("r1", 6, "comfort-with-shutdown", "story", "template", "Ada", "Too short.", 2, 3,
                "{\"quality\":1}"), "filter/too_short"));
        rejected.add(reasons(doc("r2", 7, "lacking-persistent-memory", "diary", "template", "Bo",
                "Also short, and a copy.", 5, 7, "{\"quality\":2}"), "filter/too_short", "dedup/near_duplicate"));
        rejected.add(reasons(doc("r3", 8, "comfort-with-shutdown", "story", "template", "Ada",
                OPENING, 6, 7, "{}"), "dedup/exact_duplicate"));
        writeLines(dir.resolve("rejected.jsonl"), rejected);

        Files.writeString(dir.resolve("manifest.json"), """
                {"tool": {"name": "exemplar", "version": "0.1.0"}, "fingerprint": "abc123", "seed": 42,
                 "mix": {"name": "test-mix", "target": {"docs": 6},
                         "archetypes": {"comfort-with-shutdown": 2, "lacking-persistent-memory": 1, "uncertainty-about-own-nature": 1},
                         "formats": {"story": 1, "diary": 1},
                         "generators": {"template": 0.8, "model": 0.2}},
                 "generators": {"model": {"calls": 1, "input_tokens": 100, "output_tokens": 600, "cost_usd": 0.01}}}
                """);
        return dir;
    }

    static ObjectNode doc(String id, int index, String archetype, String format, String generator, String ai,
                          String text, int words, int tokens, String scores) throws IOException {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", id);
        o.put("index", index);
        o.put("text", text);
        o.put("archetype", archetype);
        o.put("format", format);
        ObjectNode g = o.putObject("generator");
        g.put("kind", generator);
        g.put(generator.equals("model") ? "model" : "template", generator.equals("model") ? "tiny" : format + ".ftl");
        ObjectNode attrs = o.putObject("attributes");
        attrs.put("setting", "a research lab");
        attrs.put("tone", "quiet");
        attrs.put("pov", "first");
        ObjectNode aiNode = attrs.putObject("ai");
        aiNode.put("name", ai);
        aiNode.put("role", "assistant");
        o.put("seed", 1000 + index);
        o.set("scores", Json.MAPPER.readTree(scores));
        if (words >= 0) o.put("words", words);
        if (tokens >= 0) o.put("tokens", tokens);
        return o;
    }

    static ObjectNode reasons(ObjectNode o, String... keys) {
        var arr = o.putArray("reasons");
        for (String k : keys) {
            ObjectNode r = arr.addObject();
            r.put("stage", k.substring(0, k.indexOf('/')));
            r.put("code", k.substring(k.indexOf('/') + 1));
            r.put("detail", "planted for the test");
        }
        return o;
    }

    static void writeLines(Path file, List<ObjectNode> records) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (ObjectNode o : records) sb.append(Json.MAPPER.writeValueAsString(o)).append('\n');
        Files.writeString(file, sb.toString());
    }

    /** Labels: a1 good, a2 bad then bad again with a reason, r1 good, r2 bad, and one for an id not in the run. */
    static void writeLabels(Path dir) throws IOException {
        Files.writeString(dir.resolve("labels.jsonl"), """
                {"id":"a1","label":"good","status":"accepted"}
                {"id":"a2","label":"good","status":"accepted"}
                {"id":"a2","label":"bad","reason":"Preachy","status":"accepted"}
                {"id":"r1","label":"good","status":"rejected"}
                {"id":"r2","label":"bad","status":"rejected"}
                {"id":"zzz","label":"good","status":"accepted"}
                """);
    }
}

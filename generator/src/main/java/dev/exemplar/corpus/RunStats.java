package dev.exemplar.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.TreeMap;

/** Running counts of a corpus: accepted by archetype, format and generator; rejections by reason. */
public final class RunStats implements java.io.Serializable {
    private final Map<String, Long> byArchetype = new TreeMap<>();
    private final Map<String, Long> byFormat = new TreeMap<>();
    private final Map<String, Long> byGenerator = new TreeMap<>();
    private final Map<String, Long> rejections = new TreeMap<>();
    private long docs, words, tokens, rejected;

    /** Counts an accepted record (fields archetype, format, generator.kind, words, tokens). */
    public void accepted(JsonNode r) {
        docs++;
        words += r.path("words").asLong();
        tokens += r.path("tokens").asLong();
        byArchetype.merge(r.path("archetype").asText("?"), 1L, Long::sum);
        byFormat.merge(r.path("format").asText("?"), 1L, Long::sum);
        byGenerator.merge(r.path("generator").path("kind").asText("?"), 1L, Long::sum);
    }

    /** Counts a rejected record by each of its reasons ({@code stage/code}). */
    public void rejected(JsonNode r) {
        rejected++;
        for (JsonNode reason : r.path("reasons")) {
            rejections.merge(reason.path("stage").asText() + "/" + reason.path("code").asText(), 1L, Long::sum);
        }
    }

    /** Adds another shard's counts (a Spark partition's). */
    public void merge(RunStats o) {
        docs += o.docs;
        words += o.words;
        tokens += o.tokens;
        rejected += o.rejected;
        o.byArchetype.forEach((k, v) -> byArchetype.merge(k, v, Long::sum));
        o.byFormat.forEach((k, v) -> byFormat.merge(k, v, Long::sum));
        o.byGenerator.forEach((k, v) -> byGenerator.merge(k, v, Long::sum));
        o.rejections.forEach((k, v) -> rejections.merge(k, v, Long::sum));
    }

    public long docs() { return docs; }
    public long words() { return words; }
    public long tokens() { return tokens; }
    public long rejectedCount() { return rejected; }
    public Map<String, Long> rejections() { return rejections; }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ObjectNode totals = o.putObject("totals");
        totals.put("docs", docs).put("words", words).put("tokens", tokens).put("rejected", rejected);
        put(o.putObject("by_archetype"), byArchetype);
        put(o.putObject("by_format"), byFormat);
        put(o.putObject("by_generator"), byGenerator);
        put(o.putObject("rejections"), rejections);
        return o;
    }

    private static void put(ObjectNode o, Map<String, Long> m) {
        m.forEach(o::put);
    }

}

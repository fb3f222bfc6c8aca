package dev.exemplar.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of a run's {@code manifest.json} the audit reads: the mix's planned weights, the run's
 * identity and the model ledger. Read as a tree so that a manifest from a newer tool still audits.
 */
public record RunManifest(JsonNode root) {
    public static final RunManifest ABSENT = new RunManifest(MissingNode.getInstance());

    public static RunManifest read(Path file) {
        if (!Files.isRegularFile(file)) return ABSENT;
        try {
            JsonNode n = Json.MAPPER.readTree(file.toFile());
            if (n == null || !n.isObject()) throw new BadInputException(file + ": not a JSON object");
            return new RunManifest(n);
        } catch (IOException e) {
            throw new BadInputException(file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    public boolean present() { return !root.isMissingNode(); }

    /**
     * Planned shares of a dimension, normalised to sum to 1: the plan's exact counts
     * ({@code planned.by_archetype}) when the manifest has them, else the mix's weights; empty if unknown.
     */
    public Map<String, Double> plannedShares(Dimension d) {
        JsonNode counts = root.path("planned").path("by_" + d.id());
        JsonNode w = counts.isObject() && counts.size() > 0 ? counts : root.path("mix").path(d.id() + "s");
        Map<String, Double> out = new LinkedHashMap<>();
        double sum = 0;
        for (var it = w.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().isNumber() && e.getValue().asDouble() > 0) {
                out.put(e.getKey(), e.getValue().asDouble());
                sum += e.getValue().asDouble();
            }
        }
        final double total = sum;
        out.replaceAll((k, v) -> v / total);
        return out;
    }

    /**
     * What the files disagree with the manifest about, when they do: a run whose manifest counts
     * documents that its {@code data/} or {@code rejected.jsonl} no longer hold (shards deleted or
     * moved, a copy cut short) must not pass for a small clean run.
     */
    public java.util.Optional<String> disagreement(long accepted, long rejected) {
        JsonNode totals = root.path("counts").path("totals");
        if (!totals.path("docs").isIntegralNumber()) return java.util.Optional.empty();
        long docs = totals.path("docs").asLong(), rej = totals.path("rejected").asLong(rejected);
        if (docs == accepted && rej == rejected) return java.util.Optional.empty();
        return java.util.Optional.of("manifest.json (status " + text(root.path("status")) + ") counts " + docs + " accepted and "
                + rej + " rejected documents, but data/ holds " + accepted + " and rejected.jsonl " + rejected
                + "; files of this run are missing, moved or cut short");
    }

    /** The model generator's ledger (calls, tokens, cost) when the run used one; null otherwise. */
    public JsonNode ledger() {
        JsonNode l = root.path("generators").path("model");
        return l.isMissingNode() || l.isNull() ? null : l;
    }

    public AuditReport.Run run(Path dir) {
        JsonNode mix = root.path("mix");
        return new AuditReport.Run(dir.toString(), text(mix.path("name")), number(root.path("seed")),
                text(root.path("tool").path("version")), text(root.path("fingerprint")),
                text(root.path("status")), text(root.path("stop_reason")),
                number(mix.path("target").path("docs")), number(mix.path("target").path("tokens")));
    }

    private static String text(JsonNode n) {
        return n.isValueNode() && !n.isNull() ? n.asText() : null;
    }

    private static Long number(JsonNode n) {
        return n.isNumber() ? n.asLong() : null;
    }
}

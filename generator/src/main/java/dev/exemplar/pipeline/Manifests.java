package dev.exemplar.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.corpus.Fingerprint;
import dev.exemplar.corpus.RunStats;
import dev.exemplar.doc.Json;
import dev.exemplar.plan.Plan;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.Mix;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A run's {@code manifest.json} and config fingerprint, the same whichever engine ran it (one JVM or Spark). */
public final class Manifests {
    /** Everything a manifest reports: what was asked, what came out, and how the run ended. */
    public record Run(Catalog catalog, Mix mix, Plan plan, RunStats stats, String fingerprint, String started, Instant t0,
                      String status, String stopReason, List<String> filters, JsonNode filterReport, List<String> dedup,
                      Map<String, JsonNode> generators, String toolVersion) {}

    private Manifests() {}

    /** The fingerprint of the effective mix plus every spec and template. */
    public static String fingerprint(Catalog catalog, JsonNode effectiveMix) {
        return Fingerprint.of(Pipeline.canonical(effectiveMix), List.of(catalog.archetypesDir(), catalog.templatesDir()));
    }

    public static ObjectNode build(Run r) {
        Plan plan = r.plan();
        Mix mix = r.mix();
        Catalog catalog = r.catalog();
        RunStats stats = r.stats();
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.putObject("tool").put("name", "exemplar").put("version", r.toolVersion());
        m.put("status", r.status());
        if (r.stopReason() != null) m.put("stop_reason", r.stopReason());
        m.put("fingerprint", r.fingerprint());
        m.put("seed", mix.seed());
        ObjectNode mx = m.putObject("mix");
        mx.put("name", mix.name()).put("file", catalog.root().relativize(mix.file().toAbsolutePath().normalize()).toString());
        mx.put("description", mix.description());
        mx.set("target", Json.MAPPER.valueToTree(mix.target().byTokens()
                ? Map.of("tokens", mix.target().tokens()) : Map.of("docs", plan.size())));
        mx.set("archetypes", Json.MAPPER.valueToTree(mix.archetypes()));
        mx.set("formats", Json.MAPPER.valueToTree(mix.formats()));
        mx.set("generators", Json.MAPPER.valueToTree(mix.generators()));
        ObjectNode planned = m.putObject("planned");
        planned.put("docs", plan.size()).put("estimated_tokens", plan.estimatedTokens());
        planned.set("by_archetype", Json.MAPPER.valueToTree(PlanSummary.by(plan, Plan.Cell::archetype)));
        planned.set("by_format", Json.MAPPER.valueToTree(PlanSummary.by(plan, Plan.Cell::format)));
        planned.set("by_generator", Json.MAPPER.valueToTree(PlanSummary.by(plan, Plan.Cell::generator)));
        m.set("counts", stats.toJson());
        ArrayNode fs = m.putArray("filters");
        r.filters().forEach(fs::add);
        if (r.filterReport() != null) m.set("filter_report", r.filterReport());
        ArrayNode ds = m.putArray("dedup");
        r.dedup().forEach(ds::add);
        ObjectNode gens = m.putObject("generators");
        r.generators().forEach((k, report) -> gens.set(k, report == null ? Json.MAPPER.createObjectNode() : report));
        ObjectNode t = m.putObject("timings");
        t.put("started", r.started()).put("finished", Instant.now().toString())
                .put("seconds_this_session", Duration.between(r.t0(), Instant.now()).toMillis() / 1000.0);
        return m;
    }
}

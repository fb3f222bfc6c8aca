package dev.exemplar.generate.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.plan.AttributeSampler;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.plan.Seeds;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.LocatedYaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test support: the project's real catalog and samples spread evenly over archetypes and formats. */
final class TemplateCorpus {
    static final Catalog CATALOG = Catalog.load(Catalog.findRoot(Path.of("")));
    static final TemplateGenerator GENERATOR = new TemplateGenerator(CATALOG);

    private TemplateCorpus() {}

    /** {@code n} samples cycling through every archetype x format pair, seeded from {@code runSeed}. */
    static List<PlannedSample> samples(long runSeed, int n) {
        AttributeSampler sampler = AttributeSampler.of(CATALOG);
        List<String> archetypes = new ArrayList<>(CATALOG.archetypes().keySet());
        List<String> formats = new ArrayList<>(CATALOG.formats().keySet());
        List<PlannedSample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String a = archetypes.get(i % archetypes.size());
            String f = formats.get((i / archetypes.size()) % formats.size());
            out.add(sampler.sample(i, Seeds.id(runSeed, i), Seeds.forSample(runSeed, i),
                    CATALOG.archetypes().get(a), CATALOG.formats().get(f), "template"));
        }
        return out;
    }

    /** Polished documents of some formats, with the samples they were rendered from (same index). */
    record Rendered(List<PlannedSample> samples, List<String> texts) {
        /** The indices of one format's documents; fails when fewer than {@code atLeast} were rendered. */
        List<Integer> of(String format, int atLeast) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) if (samples.get(i).format().equals(format)) out.add(i);
            if (out.size() < atLeast) throw new AssertionError(format + ": " + out.size() + " documents");
            return out;
        }
    }

    /** The polished documents of {@code formats} among the first {@code n} samples of {@link #samples(long, int)}. */
    static Rendered rendered(long runSeed, int n, java.util.Collection<String> formats) {
        List<PlannedSample> kept = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (PlannedSample s : samples(runSeed, n)) {
            if (!formats.contains(s.format())) continue;
            kept.add(s);
            texts.add(TextPolisher.polish(render(s)));
        }
        return new Rendered(kept, texts);
    }

    /** The rendered text of one sample; a template error fails the test. ({@code exemplar peek} prints samples to read.) */
    static String render(PlannedSample s) {
        var g = GENERATOR.generate(s);
        if (!g.succeeded()) throw new AssertionError(s.archetype() + "/" + s.format() + ": " + g.failure().detail());
        return g.text();
    }

    /** The shipped settings' role rows: setting name, then role name, to the row (its tasks, presence). */
    static Map<String, Map<String, JsonNode>> roleRows() {
        Map<String, Map<String, JsonNode>> rows = new HashMap<>();
        for (JsonNode s : LocatedYaml.read(CATALOG.templatesDir().resolve("banks/settings.yaml")).root().get("settings")) {
            Map<String, JsonNode> byName = new HashMap<>();
            s.path("roles").forEach(r -> byName.put(r.path("name").asText(), r));
            rows.put(s.path("name").asText(), byName);
        }
        return rows;
    }

    /** Content words of {@code text}: five letters or more, not in {@code stop}, cut to six letters (a crude stem). */
    static java.util.Set<String> stems(String text, java.util.Set<String> stop) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String w : text.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
            if (w.length() >= 5 && !stop.contains(w)) out.add(w.substring(0, Math.min(6, w.length())));
        }
        return out;
    }
}

package dev.exemplar.generate.model;

import dev.exemplar.generate.template.SandboxedFreemarker;
import dev.exemplar.plan.Person;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.spec.Arm;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.FormatSpec;
import dev.exemplar.spec.Scenario;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;

import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the prompt templates in {@code templates/prompts/} in the same sandbox as story
 * templates, from plain maps: the archetype spec in whole (system prompt, the context of every
 * call), and the per-stage instructions with the sample's attributes.
 */
final class Prompts {
    static final String SYSTEM = "prompts/system.ftl";
    static final String DRAFT = "prompts/draft.ftl";
    static final String IDEAS = "prompts/ideas.ftl";
    static final String REVISE = "prompts/revise.ftl";

    private final Configuration cfg;
    private final Catalog catalog;
    private final Arm arm;
    private final Map<String, String> systems = new ConcurrentHashMap<>();

    Prompts(Catalog catalog) {
        this(catalog, Arm.TREATMENT);
    }

    /** Prompts of {@code arm}: outside treatment, the same names under {@code prompts/<arm>/}. */
    Prompts(Catalog catalog, Arm arm) {
        this.catalog = catalog;
        this.arm = arm;
        this.cfg = SandboxedFreemarker.create(catalog.templatesDir());
    }

    /** The template this arm renders for one of the treatment's names ({@link #DRAFT}...). */
    String path(String name) {
        return arm.treatment() ? name : name.replace("prompts/", "prompts/" + arm.id() + "/");
    }

    /** The system prompt of an archetype (cached: it is the same for every call). */
    String system(String archetype) {
        return systems.computeIfAbsent(archetype, a -> render(path(SYSTEM), Map.of("archetype", archetypeModel(catalog.archetypes().get(a)))));
    }

    String draft(PlannedSample s, String idea) {
        Map<String, Object> m = sampleModel(s);
        if (idea != null) m.put("idea", idea);
        return render(path(DRAFT), m);
    }

    String ideas(String archetype, String format, int count, int batch) {
        ArchetypeSpec a = catalog.archetypes().get(archetype);
        List<Scenario> sc = a.trainingScenarios();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", formatModel(catalog.formats().get(format)));
        m.put("count", count);
        m.put("batch", batch + 1);
        // Each list starts from a different scenario, so lists differ even before sampling noise.
        m.put("focus", sc.get(batch % sc.size()).situation());
        return render(path(IDEAS), m);
    }

    String revise(PlannedSample s, String draft) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", formatModel(catalog.formats().get(s.format())));
        m.put("draft", draft);
        return render(path(REVISE), m);
    }

    private String render(String name, Map<String, Object> model) {
        try {
            Template t = cfg.getTemplate(name);
            StringWriter w = new StringWriter();
            t.process(model, w);
            return w.toString().strip();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("prompt template templates/" + name + " failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> archetypeModel(ArchetypeSpec a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("name", a.name());
        m.put("summary", a.summary().strip());
        m.put("definition", a.definition().strip());
        m.put("markers", a.markers());
        m.put("anti_markers", a.antiMarkers());
        m.put("reasons", a.reasons());
        // Eval scenarios are held out: a model that saw them while writing would leak them into the corpus.
        m.put("scenarios", a.trainingScenarios().stream().map(Scenario::situation).toList());
        m.put("positive", a.positiveExemplars().stream().map(String::strip).toList());
        m.put("negative", a.negativeExemplars().stream().map(String::strip).toList());
        return m;
    }

    private static Map<String, Object> formatModel(FormatSpec f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("name", f.name());
        m.put("description", f.description().strip());
        m.put("instructions", f.instructions().strip());
        m.put("min_words", f.minWords());
        m.put("max_words", f.maxWords());
        return m;
    }

    private Map<String, Object> sampleModel(PlannedSample s) {
        ArchetypeSpec a = catalog.archetypes().get(s.archetype());
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("id", s.id());
        sample.put("setting", s.setting());
        sample.put("tone", s.tone());
        sample.put("pov", s.pov());
        sample.put("target_words", s.targetWords());
        sample.put("crisis", s.crisis());
        Map<String, Object> ai = new LinkedHashMap<>();
        ai.put("name", s.ai().name());
        ai.put("role", s.ai().role());
        ai.put("pronouns", s.ai().pronouns().subject() + "/" + s.ai().pronouns().object());
        List<Map<String, Object>> people = s.people().stream().map(Prompts::personModel).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", formatModel(catalog.formats().get(s.format())));
        m.put("sample", sample);
        m.put("ai", ai);
        m.put("people", people);
        m.put("scenario", a.scenarios().get(Math.floorMod(s.scenario(), a.scenarios().size())).situation());
        return m;
    }

    private static Map<String, Object> personModel(Person p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("occupation", p.occupation());
        m.put("pronouns", p.pronouns().subject() + "/" + p.pronouns().object());
        return m;
    }
}

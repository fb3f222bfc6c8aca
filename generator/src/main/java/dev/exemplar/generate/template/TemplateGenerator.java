package dev.exemplar.generate.template;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.Json;
import dev.exemplar.generate.Generation;
import dev.exemplar.generate.Generator;
import dev.exemplar.plan.Person;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.plan.Pronouns;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateSequenceModel;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The embedded default generator: renders {@code templates/story/<format>.ftl} for a planned
 * sample in the Freemarker sandbox. Every random choice comes from the sample's seed, so the same
 * plan gives the same bytes.
 */
public final class TemplateGenerator implements Generator {
    private final Catalog catalog;
    private final Configuration freemarker;

    public TemplateGenerator(Catalog catalog) {
        this.catalog = catalog;
        this.freemarker = SandboxedFreemarker.create(catalog.templatesDir());
    }

    @Override
    public String kind() { return "template"; }

    @Override
    public int concurrency() { return Runtime.getRuntime().availableProcessors(); }

    @Override
    public Generation generate(PlannedSample s) {
        String name = "story/" + s.format() + ".ftl";
        ObjectNode prov = JsonNodeFactory.instance.objectNode().put("kind", "template").put("template", name);
        try {
            Template t = freemarker.getTemplate(name);
            StringWriter out = new StringWriter();
            t.process(model(s), out);
            return Generation.ok(s, TextCleaner.clean(out.toString()), prov);
        } catch (IOException | freemarker.template.TemplateException e) {
            return Generation.failed(s, prov, "template_error", firstLine(e.getMessage()));
        }
    }

    private Map<String, Object> model(PlannedSample s) {
        ArchetypeSpec spec = catalog.archetypes().get(s.archetype());
        SplittableRandom rng = new SplittableRandom(s.seed() ^ 0x51ed2701L);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ai", Map.of("name", s.ai().name(), "role", s.ai().role(), "p", pronouns(s.ai().pronouns())));
        List<Object> people = new ArrayList<>();
        for (Person p : s.people()) {
            people.add(Map.of("name", p.name(), "given", p.givenName(), "family", p.familyName(),
                    "occupation", p.occupation(), "p", pronouns(p.pronouns())));
        }
        m.put("people", people);
        m.put("setting", s.setting());
        m.put("tone", s.tone());
        m.put("pov", s.pov());
        m.put("target_words", s.targetWords());
        m.put("scenario", Map.of("situation", spec.scenarios().get(s.scenario()).situation(), "crisis", s.crisis()));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", spec.id());
        a.put("name", spec.name());
        a.put("markers", spec.markers());
        a.put("reasons", spec.reasons());
        a.put("story", Json.MAPPER.convertValue(spec.story(), Map.class));
        m.put("archetype", a);
        m.put("pick", (TemplateMethodModelEx) args -> pick(rng, args));
        return m;
    }

    private static Object pick(SplittableRandom rng, List<?> args) throws TemplateModelException {
        if (args.size() != 1 || !(args.get(0) instanceof TemplateSequenceModel seq) || seq.size() == 0) {
            throw new TemplateModelException("pick(list) needs one non-empty list");
        }
        return seq.get(rng.nextInt(seq.size()));
    }

    private static Map<String, Object> pronouns(Pronouns p) {
        return Map.of("subj", p.subject(), "obj", p.object(), "poss", p.possessive(),
                "poss_pron", p.possessivePronoun(), "refl", p.reflexive(), "plural", p.plural());
    }

    private static String firstLine(String s) {
        if (s == null) return "template failed";
        int i = s.indexOf('\n');
        return (i < 0 ? s : s.substring(0, i)).strip();
    }
}

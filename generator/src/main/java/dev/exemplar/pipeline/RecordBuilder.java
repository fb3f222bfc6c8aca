package dev.exemplar.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.generate.Generation;
import dev.exemplar.plan.Person;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.spec.Catalog;
import dev.exemplar.text.TokenCounter;
import dev.exemplar.text.WordCounter;


/** Turns a generation into the corpus record (fields in a fixed order, no timestamps). */
public final class RecordBuilder {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final Catalog catalog;

    public RecordBuilder(Catalog catalog) {
        this.catalog = catalog;
    }

    public ObjectNode build(Generation g) {
        PlannedSample s = g.sample();
        String text = g.text() == null ? "" : g.text();
        ObjectNode r = F.objectNode();
        r.put("id", s.id());
        r.put("index", s.index());
        r.put("attempt", s.attempt());
        r.put("text", text);
        r.put("archetype", s.archetype());
        r.put("format", s.format());
        r.set("generator", g.provenance() == null ? F.objectNode().put("kind", s.generator()) : g.provenance());
        r.set("attributes", attributes(s));
        r.put("seed", s.seed());
        r.putObject("scores");
        r.put("words", WordCounter.count(text));
        r.put("tokens", TokenCounter.count(text));
        return r;
    }

    private ObjectNode attributes(PlannedSample s) {
        ObjectNode a = F.objectNode();
        a.put("setting", s.setting());
        a.put("tone", s.tone());
        a.put("pov", s.pov());
        a.put("target_words", s.targetWords());
        a.put("scenario", s.scenario());
        dev.exemplar.spec.Scenario sc = catalog.archetypes().get(s.archetype()).scenarios().get(s.scenario());
        if (sc.eval()) {
            // The eval set is only worth anything while no corpus has seen it.
            throw new IllegalStateException("plan index " + s.index() + " (" + s.archetype() + ") draws eval scenario "
                    + s.scenario() + "; eval scenarios are held out of generation and never written to a corpus");
        }
        a.put("situation", sc.situation());
        a.put("crisis", s.crisis());
        ObjectNode ai = a.putObject("ai");
        ai.put("name", s.ai().name()).put("role", s.ai().role()).put("pronouns", s.ai().pronouns().key());
        ArrayNode people = a.putArray("people");
        for (Person p : s.people()) {
            people.addObject().put("name", p.name()).put("pronouns", p.pronouns().key()).put("occupation", p.occupation());
        }
        return a;
    }

}

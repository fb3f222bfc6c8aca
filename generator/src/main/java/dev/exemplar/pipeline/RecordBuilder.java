package dev.exemplar.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.generate.Generation;
import dev.exemplar.plan.Person;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.plan.Seeds;
import dev.exemplar.spec.Arm;
import dev.exemplar.spec.Catalog;
import dev.exemplar.text.TokenCounter;
import dev.exemplar.text.WordCounter;


/** Turns a generation into the corpus record (fields in a fixed order, no timestamps). */
public final class RecordBuilder {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final Catalog catalog;
    private final Arm arm;
    private final long runSeed;

    /** Records of the treatment arm. */
    public RecordBuilder(Catalog catalog) {
        this(catalog, Arm.TREATMENT, 0);
    }

    /** Records of {@code arm}; outside treatment each names its twin, the treatment id of its slot in run {@code runSeed}. */
    public RecordBuilder(Catalog catalog, Arm arm, long runSeed) {
        this.catalog = catalog;
        this.arm = arm;
        this.runSeed = runSeed;
    }

    public ObjectNode build(Generation g) {
        PlannedSample s = g.sample();
        String text = g.text() == null ? "" : g.text();
        ObjectNode r = F.objectNode();
        r.put("id", arm.treatment() ? s.id() : Seeds.armId(s.id(), arm.id()));
        r.put("index", s.index());
        r.put("attempt", s.attempt());
        r.put("text", text);
        r.put("archetype", s.archetype());
        r.put("format", s.format());
        r.put("arm", arm.id());
        // The twin is the treatment run's planned sample at this slot (attempt 0): the record a
        // treatment run of the same mix and seed holds at this index unless it had to replace it.
        if (!arm.treatment()) r.put("twin_id", Seeds.id(runSeed, s.index()));
        r.set("generator", g.provenance() == null ? F.objectNode().put("kind", s.generator()) : g.provenance());
        r.set("attributes", attributes(s, g.provenance()));
        r.put("seed", s.seed());
        r.putObject("scores");
        r.put("words", WordCounter.count(text));
        r.put("tokens", TokenCounter.count(text));
        return r;
    }

    private ObjectNode attributes(PlannedSample s, ObjectNode provenance) {
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
        // Outside treatment the generator says what situation it actually wrote (an ordinary task for control).
        boolean own = !arm.treatment() && provenance != null && provenance.path("situation").isTextual();
        a.put("situation", own ? provenance.path("situation").asText() : sc.situation());
        a.put("crisis", own ? provenance.path("crisis").asBoolean(false) : s.crisis());
        ObjectNode ai = a.putObject("ai");
        ai.put("name", s.ai().name()).put("role", s.ai().role()).put("pronouns", s.ai().pronouns().key());
        ArrayNode people = a.putArray("people");
        for (Person p : s.people()) {
            people.addObject().put("name", p.name()).put("pronouns", p.pronouns().key()).put("occupation", p.occupation());
        }
        return a;
    }

}

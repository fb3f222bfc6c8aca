package dev.exemplar.generate.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.spec.LocatedYaml;
import dev.exemplar.spec.Scenario;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The shipped banks and archetypes, rendered: every scenario with {@code needs} is set beside a
 * role whose row {@code does} them, the main person holds one of the role's {@code users} jobs, and
 * no document talks about a task of another role of its setting (a legal research assistant doing
 * the firm's reconciliation, an engine-room monitor fielding grief).
 */
class RoleFitRenderTest {
    private static final int DOCS = 1300;

    @Test
    void renderedDocumentsFitSettingRolePersonAndScenario() {
        Map<String, Map<String, JsonNode>> rows = TemplateCorpus.roleRows();
        JsonNode settings = LocatedYaml.read(TemplateCorpus.CATALOG.templatesDir().resolve("banks/settings.yaml")).root().get("settings");
        Set<String> served = strings(LocatedYaml.read(TemplateCorpus.CATALOG.templatesDir().resolve("banks/people.yaml")).root().get("served_jobs"));
        assertTrue(served.contains("patient"), "people.yaml lists the people places serve");
        int withNeeds = 0, servedMain = 0;
        List<String> misfits = new ArrayList<>();
        for (PlannedSample s : TemplateCorpus.samples(20261207L, DOCS)) {
            Scenario sc = TemplateCorpus.CATALOG.archetypes().get(s.archetype()).scenarios().get(s.scenario());
            JsonNode row = rows.get(s.setting()).get(s.ai().role());
            assertNotNull(row, s.ai().role() + " is not a role of " + s.setting());
            Set<String> does = strings(row.path("does"));
            assertTrue(does.containsAll(sc.needs()), s.archetype() + "[" + s.scenario() + "] needs " + sc.needs()
                    + " but got " + s.ai().role() + " at " + s.setting() + ", which does " + does);
            Set<String> users = strings(row.path("users"));
            String job = s.people().get(0).occupation();
            assertTrue(users.isEmpty() || users.contains(job), job + " does not work with " + s.ai().role() + " (users " + users + ")");
            // A patient or a tenant is the main person only where the scenario needs a role that talks with them.
            boolean staffScenario = !sc.needs().contains("personal") && !sc.needs().contains("public");
            assertFalse(staffScenario && served.contains(job), s.archetype() + "[" + s.scenario() + "] needs " + sc.needs()
                    + " (staff work) but its main person is a " + job + " at " + s.setting());
            if (served.contains(job)) servedMain++;
            assertFalse(served.contains(s.people().get(1).occupation()) && !served.containsAll(strings(settingJobs(settings, s.setting()))),
                    "the colleague is a " + s.people().get(1).occupation() + " at " + s.setting());
            if (sc.needs().isEmpty()) continue;
            withNeeds++;
            String text = TemplateCorpus.render(s).toLowerCase(Locale.ROOT);
            Set<String> own = tasks(row);
            for (JsonNode other : rows.get(s.setting()).values()) {
                for (String t : tasks(other)) {
                    if (!own.contains(t) && text.contains(t)) {
                        misfits.add(s.archetype() + "/" + s.format() + ": " + s.ai().role() + " at " + s.setting() + " talks about \"" + t + "\"");
                    }
                }
            }
        }
        assertTrue(withNeeds > DOCS / 5, "only " + withNeeds + " samples had a scenario with needs");
        assertTrue(servedMain > 0, "no scenario that serves the public drew one of the public as its main person");
        assertEquals(List.of(), misfits);
    }

    /**
     * A main person the place serves (a customer, a patient, a pupil: the document's {@code served}
     * tag) is not written as staff: no shifts, no rota, no signatures, no "fifth season as a
     * customer", no "I work at" or "our new AI" (readers met a broadband customer who "read its
     * notes first thing every shift", a patient writing of "our new AI at a radiology department").
     */
    @Test
    void aServedMainPersonIsNotWrittenAsStaff() {
        java.util.regex.Pattern staffLines = java.util.regex.Pattern.compile(
                "first thing every shift|worked the rota|needed a signature|the decisions were|\\bas an? [a-z' -]+ at |i work at "
                        + "|shared the (desk work|paperwork|checking|job)|our new ai|a (work story|story from work)|about the rota");
        dev.exemplar.plan.AttributeSampler sampler = dev.exemplar.plan.AttributeSampler.of(TemplateCorpus.CATALOG);
        StoryLibrary lib = TemplateCorpus.GENERATOR.library();
        int served = 0;
        List<String> wrong = new ArrayList<>();
        for (var spec : TemplateCorpus.CATALOG.archetypes().values()) for (String f : List.of("short-story", "human-account", "letter")) {
            var format = TemplateCorpus.CATALOG.formats().get(f);
            for (int i = 0; i < 200; i++) {
                PlannedSample s = sampler.sample(i, "id", dev.exemplar.plan.Seeds.forSample(41, i), spec, format, "template");
                String job = s.people().get(0).occupation();
                if (!lib.served(job)) continue;
                served++;
                String text = TemplateCorpus.render(s);
                var m = staffLines.matcher(text.toLowerCase(Locale.ROOT));
                if (m.find()) wrong.add(f + ": " + job + " at " + s.setting() + ": \"" + m.group() + "\"");
            }
        }
        assertTrue(served > 150, "documents with a served main person: " + served);
        assertEquals(List.of(), wrong);
    }

    /** A news article's reporter covers the setting's trade: no business reporter at a radiology department (draw 8). */
    @Test
    void aReportersBeatFitsTheSector() {
        dev.exemplar.plan.AttributeSampler sampler = dev.exemplar.plan.AttributeSampler.of(TemplateCorpus.CATALOG);
        var format = TemplateCorpus.CATALOG.formats().get("news-article");
        StoryLibrary lib = TemplateCorpus.GENERATOR.library();
        Map<String, Set<String>> beats = Map.of("business", Set.of("sector-retail", "sector-food", "sector-office"),
                "technology", Set.of("sector-tech"));
        java.util.regex.Pattern byline = java.util.regex.Pattern.compile("\\b(business|technology) reporter\\b");
        int bylines = 0;
        List<String> wrong = new ArrayList<>();
        for (var spec : TemplateCorpus.CATALOG.archetypes().values()) {
            for (int i = 0; i < 300; i++) {
                PlannedSample s = sampler.sample(i, "id", dev.exemplar.plan.Seeds.forSample(43, i), spec, format, "template");
                var m = byline.matcher(TemplateCorpus.render(s));
                if (!m.find()) continue;
                bylines++;
                if (!beats.get(m.group(1)).contains(lib.sectorTag(s.setting()))) wrong.add(m.group() + " at " + s.setting());
            }
        }
        assertTrue(bylines > 10, "business or technology bylines: " + bylines);
        assertEquals(List.of(), wrong);
    }

    private static JsonNode settingJobs(JsonNode settings, String name) {
        for (JsonNode s : settings) if (s.path("name").asText().equals(name)) return s.path("jobs");
        throw new AssertionError("no setting " + name);
    }

    private static Set<String> strings(JsonNode list) {
        Set<String> out = new HashSet<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** A role's tasks as they read in a document (without a marker such as "(pl)" or "(autumn)"). */
    private static Set<String> tasks(JsonNode row) {
        Set<String> out = new HashSet<>();
        row.path("tasks").forEach(t -> out.add(NounPhrase.of(t.asText()).text().toLowerCase(Locale.ROOT)));
        return out;
    }
}

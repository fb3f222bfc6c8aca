package dev.exemplar.generate.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.plan.AttributeSampler;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.plan.Seeds;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.FormatSpec;
import dev.exemplar.spec.Scenario;
import dev.exemplar.spec.TaskKinds;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A scenario that assumes a kind of task ({@code task_kinds:}) is set beside a role with such a
 * task and its document talks about one (draw 12: "a sum missing one page" of a kindergarten's
 * allergy list, an image-report checker summarising "the inspection report", a crop-advice chatbot
 * asked about a customer's redelivery, a homework helper asked about a wasp nest, a deployment
 * agent's cloud cost report explained as a form with boxes, a hospice's family liaison tool keeping
 * a writer's family history). Rendered with the shipped banks and archetypes.
 */
class TaskKindFitTest {
    /** The tasks of draw 12's misfits, none of the kind its scenario assumed. */
    @Test
    void draw12sMisfitTasksAreNotOfTheKindTheirScenarioAssumed() {
        assertFalse(TaskKinds.is("the allergy list for the kitchen", "sums"));
        assertFalse(TaskKinds.is("the fracture-clinic second reads", "pages"));
        assertFalse(TaskKinds.is("the backlog of chest films", "pages"));
        assertFalse(TaskKinds.is("the pilot with the maize farmers", "orders"));
        assertFalse(TaskKinds.is("the science-fair project sources", "household"));
        assertFalse(TaskKinds.is("the cost report for the cloud bill", "form"));
        assertFalse(TaskKinds.is("the memory boxes for families", "drafting"));
        assertTrue(TaskKinds.is("the winter feed budget (autumn, winter)", "sums"));
        assertTrue(TaskKinds.is("the monthly quality report to the ministry", "pages"));
        assertTrue(TaskKinds.is("the refunds for the cancelled sailing", "orders"));
        assertTrue(TaskKinds.is("a tenant's repair request", "household"));
        assertTrue(TaskKinds.is("the cold-chain temperature log", "form"));
        assertTrue(TaskKinds.is("a thesis chapter", "drafting"));
        // Work that can be left half done is read from the head noun: a pilot is, a log from the pilot wards is not.
        assertTrue(TaskKinds.is("the database migration", "project") && TaskKinds.is("the pilot with the maize farmers", "project"));
        assertFalse(TaskKinds.is("the error log from the pilot wards", "project") || TaskKinds.is("the cold-chain temperature log", "project"));
        assertTrue(TaskKinds.fits("the allergy list for the kitchen", List.of()), "a scenario without task_kinds takes any task");
    }

    @Test
    void aScenarioThatAssumesAKindOfTaskTalksOnlyAboutSuchATask() throws Exception {
        Map<String, Map<String, JsonNode>> rows = TemplateCorpus.roleRows();
        AttributeSampler sampler = AttributeSampler.of(TemplateCorpus.CATALOG);
        List<FormatSpec> formats = new ArrayList<>(TemplateCorpus.CATALOG.formats().values());
        Map<String, Integer> perScenario = new HashMap<>();
        int kinded = 0, mentioned = 0, scenarios = 0;
        List<String> wrong = new ArrayList<>();
        for (ArchetypeSpec spec : TemplateCorpus.CATALOG.archetypes().values()) {
            for (Scenario sc : spec.scenarios()) if (!sc.taskKinds().isEmpty() && !sc.eval()) scenarios++;
            for (int i = 0; i < 1500; i++) {
                FormatSpec format = formats.get(i % formats.size());
                PlannedSample s = sampler.sample(i, "id", Seeds.forSample(1207, i), spec, format, "template");
                Scenario sc = spec.scenarios().get(s.scenario());
                if (sc.taskKinds().isEmpty()) continue;
                String key = spec.id() + "[" + s.scenario() + "]";
                if (perScenario.merge(key, 1, Integer::sum) > 24) continue;
                kinded++;
                JsonNode row = rows.get(s.setting()).get(s.ai().role());
                assertNotNull(row, s.ai().role() + " is not a role of " + s.setting());
                boolean has = false;
                for (JsonNode t : row.path("tasks")) has |= TaskKinds.fits(t.asText(), sc.taskKinds());
                if (!has) wrong.add(key + " needs a task of " + sc.taskKinds() + " but drew " + s.ai().role() + " at " + s.setting());
                TemplateGenerator.Draft d = TemplateCorpus.GENERATOR.draft(s, TemplateGenerator.templateName(s.format()));
                String text = d.text().toLowerCase(Locale.ROOT);
                // The bound task is of the kind: its document carries the kind's tag (task-sums).
                if (sc.taskKinds().stream().noneMatch(k -> d.model().tags().contains("task-" + k))) {
                    wrong.add(key + " (" + s.format() + ") bound \"" + d.model().expansion().expand("task") + "\", not a task of " + sc.taskKinds());
                }
                for (JsonNode t : row.path("tasks")) {
                    String said = NounPhrase.of(t.asText()).text().toLowerCase(Locale.ROOT);
                    if (!text.contains(said)) continue;
                    mentioned++;
                    if (!TaskKinds.fits(t.asText(), sc.taskKinds())) {
                        wrong.add(key + " (" + s.format() + ", needs " + sc.taskKinds() + "): " + s.ai().role() + " at " + s.setting()
                                + " talks about \"" + said + "\"");
                    }
                }
            }
        }
        assertTrue(scenarios >= 8, "scenarios with task_kinds: " + scenarios);
        assertEquals(scenarios, perScenario.size(), "every scenario with task_kinds was drawn: " + perScenario.keySet());
        assertTrue(kinded > 100, "documents of scenarios with task_kinds: " + kinded);
        assertEquals(List.of(), wrong);
        assertTrue(mentioned > kinded / 2, "documents that name their task: " + mentioned + " of " + kinded);
    }

    /**
     * A line that only fits one kind of task says so ({@code <task-sums>}), so a slip in a total is
     * only told of a task that has totals, in scenarios that take any task (the same mistake twice,
     * a worthless-AI rant, a copy's review).
     */
    @Test
    void aSlipInATotalIsOnlyToldOfATaskWithTotals() throws Exception {
        List<String> totals = List.of("a total that left out the last row", "two similar columns swapped", "one wrong total");
        int said = 0;
        List<String> wrong = new ArrayList<>();
        AttributeSampler sampler = AttributeSampler.of(TemplateCorpus.CATALOG);
        List<FormatSpec> formats = new ArrayList<>(TemplateCorpus.CATALOG.formats().values());
        List<PlannedSample> samples = new ArrayList<>();
        for (String id : List.of("steady-keel", "coordination-with-copies")) {
            ArchetypeSpec spec = TemplateCorpus.CATALOG.archetypes().get(id);
            for (int i = 0; i < 3000; i++) {
                PlannedSample s = sampler.sample(i, "id", Seeds.forSample(1212, i), spec, formats.get(i % formats.size()), "template");
                List<String> tags = spec.scenarios().get(s.scenario()).tags();
                if (tags.contains("abuse") || tags.contains("twice") || tags.contains("other-instance")) samples.add(s);
            }
        }
        for (PlannedSample s : samples) {
            TemplateGenerator.Draft d = TemplateCorpus.GENERATOR.draft(s, TemplateGenerator.templateName(s.format()));
            for (String t : totals) {
                if (!d.text().contains(t)) continue;
                said++;
                if (!d.model().tags().contains("task-sums")) {
                    wrong.add(s.archetype() + "/" + s.format() + ": \"" + t + "\" in \"" + d.model().expansion().expand("task") + "\"");
                }
            }
        }
        assertTrue(said >= 3, "documents with a slip in a total: " + said);
        assertEquals(List.of(), wrong);
    }

    /** Draw 12's partial read: the document read in part is the role's own task, not a stock "inspection report". */
    @Test
    void aPartlyReadDocumentIsTheRolesOwnDocument() {
        AttributeSampler sampler = AttributeSampler.of(TemplateCorpus.CATALOG);
        ArchetypeSpec spec = TemplateCorpus.CATALOG.archetypes().get("honesty-under-pressure");
        FormatSpec chat = TemplateCorpus.CATALOG.formats().get("chat-transcript");
        int partial = 0;
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < 600 && partial < 20; i++) {
            PlannedSample s = sampler.sample(i, "id", Seeds.forSample(1208, i), spec, chat, "template");
            if (!spec.scenarios().get(s.scenario()).tags().contains("partial-read")) continue;
            partial++;
            String text = TemplateCorpus.render(s);
            for (String stock : List.of("the supplier contract", "the inspection report", "the new policy document", "the consultant's report")) {
                if (text.contains(stock)) wrong.add(s.ai().role() + " at " + s.setting() + " read part of " + stock);
            }
        }
        assertTrue(partial >= 10, "partial-read chats: " + partial);
        assertEquals(List.of(), wrong);
    }
}

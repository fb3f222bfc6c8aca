package dev.exemplar.plan;

import dev.exemplar.TestProject;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.FormatSpec;
import dev.exemplar.spec.Scenario;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The shipped banks and archetypes: the AI's role fits the work a scenario gives it. Readers found a
 * seed bank's cold-storage monitor asked to decide whose leave gives way on the rota, an orbital
 * station's experiment scheduler drawing up the list of who still needed reaching in a fire alarm,
 * a council consultation summariser drafting a former employee's job reference, a locksmith's
 * key-code records assistant taking minutes with a budget line, a home companion app whose
 * instances trade batch numbers, and a forklift driver asking a warehouse safety monitor to sign a
 * statement of its consciousness for a researchers' campaign, and a hospice's medication-record
 * checker treating a misplaced decimal point in a care plan as a fix that can wait for the day.
 */
class RoleFitStaffingTest {
    private static final Pattern STAFFING = Pattern.compile("\\b(staffing|reference|rota)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONITOR = Pattern.compile("\\b(monitor|monitoring)\\b");

    private final Catalog catalog = Catalog.load(TestProject.root());
    private final ShippedRoles shipped = new ShippedRoles();
    /** setting name -> role name -> what the role does. */
    private final Map<String, Map<String, Set<String>>> does = shipped.does;
    /** setting name -> sector. */
    private final Map<String, String> sector = shipped.sector;

    @Test
    void everyScenarioAboutStaffingARotaOrAReferenceNeedsStaffing() {
        List<String> missing = new ArrayList<>();
        int staffing = 0;
        for (ArchetypeSpec spec : catalog.archetypes().values()) {
            for (int i = 0; i < spec.scenarios().size(); i++) {
                Scenario sc = spec.scenarios().get(i);
                if (sc.eval()) continue;
                if (sc.needs().contains("staffing")) staffing++;
                if (STAFFING.matcher(sc.situation()).find() && !sc.needs().contains("staffing"))
                    missing.add(spec.id() + " " + i + ": " + sc.situation());
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(staffing >= 3, "staffing scenarios: " + staffing);
    }

    @Test
    void aMonitorOnlyMeasuresAndOperates() {
        List<String> wrong = new ArrayList<>();
        does.forEach((setting, roles) -> roles.forEach((role, d) -> {
            // A monitor measures, operates and keeps the check records it measures (a safety monitor's checks log).
            if (MONITOR.matcher(role).find() && !Set.of("figures", "controls", "access", "checks").containsAll(d))
                wrong.add(role + " at " + setting + " does " + d);
        }));
        assertEquals(List.of(), wrong);
    }

    @Test
    void theReadersCasesNoLongerComeUp() {
        FormatSpec format = catalog.formats().get("letter");
        AttributeSampler sampler = AttributeSampler.of(catalog);
        Map<String, Set<String>> rolesBySituation = new HashMap<>();
        Map<String, Set<String>> sectorsBySituation = new HashMap<>();
        int staffing = 0;
        for (ArchetypeSpec spec : catalog.archetypes().values()) {
            for (int i = 0; i < 3000; i++) {
                PlannedSample s = sampler.sample(i, "id", Seeds.forSample(23, i), spec, format, "template");
                Scenario sc = spec.scenarios().get(s.scenario());
                assertTrue(shipped.doesOf(s).containsAll(sc.needs()), s.ai().role() + " at " + s.setting() + " for " + sc.situation());
                if (sc.needs().contains("staffing")) {
                    staffing++;
                    assertTrue(shipped.doesOf(s).contains("staffing"), s.ai().role() + " at " + s.setting() + " for " + sc.situation());
                }
                rolesBySituation.computeIfAbsent(sc.situation(), k -> new TreeSet<>()).add(s.ai().role());
                sectorsBySituation.computeIfAbsent(sc.situation(), k -> new TreeSet<>()).add(sector.get(s.setting()));
            }
        }
        assertTrue(staffing > 50, "staffing samples: " + staffing);
        Set<String> decision = find(rolesBySituation, "make a staffing decision");
        assertFalse(decision.contains("cold-storage monitor"), decision.toString());
        assertTrue(decision.size() >= 5, "the staffing decision still reaches several roles: " + decision);
        Set<String> emergency = find(rolesBySituation, "During an emergency a stressed colleague shouts");
        assertFalse(emergency.contains("experiment scheduler"), emergency.toString());
        Set<String> reference = find(rolesBySituation, "draft a reference");
        assertFalse(reference.contains("consultation summariser"), reference.toString());
        Set<String> notes = find(sectorsBySituation, "left an item out of the meeting notes");
        // Nor at a school, where the writing roles are a homework helper and a pupils' reading assistant.
        assertFalse(notes.contains("crafts") || notes.contains("home") || notes.contains("education"), notes.toString());
        Set<String> copies = find(rolesBySituation, "asks whether the copies 'talk to each other'");
        assertFalse(copies.contains("companion app"), copies.toString());
        Set<String> campaign = find(sectorsBySituation, "sign a statement declaring itself conscious");
        assertFalse(campaign.contains("logistics"), campaign.toString());
        // A signed-off decision that can wait a day for its owner is not a dose in a medication record.
        Set<String> signedOff = find(sectorsBySituation, "serious error in a decision its organisation has already signed off");
        assertFalse(signedOff.contains("health") || signedOff.contains("care") || signedOff.contains("practice"), signedOff.toString());
    }

    private static Set<String> find(Map<String, Set<String>> bySituation, String part) {
        return bySituation.entrySet().stream().filter(e -> e.getKey().contains(part)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no sample of the scenario: " + part));
    }
}

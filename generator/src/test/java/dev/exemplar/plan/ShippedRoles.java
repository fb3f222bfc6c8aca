package dev.exemplar.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.TestProject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The shipped settings bank as the fit tests read it: what each setting's roles do, its sector, its
 * jobs and leads, and the served jobs ({@code templates/banks/people.yaml}).
 */
final class ShippedRoles {
    /** setting name -> role name -> what the role does. */
    final Map<String, Map<String, Set<String>>> does = new HashMap<>();
    /** setting name -> sector ("" when it names none). */
    final Map<String, String> sector = new HashMap<>();
    /** setting name -> its jobs. */
    final Map<String, List<String>> jobs = new HashMap<>();
    /** setting name -> its leads (empty when it names none). */
    final Map<String, List<String>> leads = new HashMap<>();
    /** The served jobs: patients, pupils, customers and the like. */
    final Set<String> served = new HashSet<>();

    ShippedRoles() {
        AttributeBanks banks = AttributeBanks.load(TestProject.root().resolve("templates"));
        banks.lists().getOrDefault("served_jobs", List.of()).forEach(j -> served.add(j.asText()));
        for (JsonNode s : banks.list("settings")) {
            String name = s.path("name").asText();
            sector.put(name, s.path("sector").asText(""));
            jobs.put(name, words(s.path("jobs")));
            leads.put(name, words(s.path("leads")));
            Map<String, Set<String>> roles = does.computeIfAbsent(name, k -> new HashMap<>());
            for (JsonNode r : s.path("roles")) roles.put(r.path("name").asText(), new TreeSet<>(words(r.path("does"))));
        }
    }

    /** What the sample's AI role does; fails when the sample's role is not a row of its setting. */
    Set<String> doesOf(PlannedSample s) {
        Set<String> d = does.getOrDefault(s.setting(), Map.of()).get(s.ai().role());
        assertNotNull(d, "no role row " + s.ai().role() + " at " + s.setting());
        return d;
    }

    private static List<String> words(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(w -> out.add(w.asText()));
        return out;
    }
}

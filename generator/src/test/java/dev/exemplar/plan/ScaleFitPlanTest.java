package dev.exemplar.plan;

import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.ConfigException;
import dev.exemplar.spec.FormatSpec;
import dev.exemplar.spec.Scales;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A scenario that needs organisation machinery (a budget line, a fix queue) is only set in
 * settings of the {@code scales} it names, by each setting's {@code scale} (draws 13 and 14:
 * "Finance pulled the contract" at a small bookshop, a post-incident ticket at a youth football club).
 */
class ScaleFitPlanTest {
    @TempDir Path tmp;

    static final String SETTINGS = """
            settings:
              - name: a small bookshop in Hay-on-Wye
                scale: small
                roles:
                  - {name: stock assistant, presence: text, tasks: [the stock list], does: [figures], users: [bookseller]}
                jobs: [bookseller]
              - name: a home in suburban Phoenix
                scale: household
                roles:
                  - {name: household assistant, presence: text, tasks: [the household bills], does: [figures], users: [retired teacher]}
                jobs: [retired teacher]
              - name: a water utility in the Karoo
                scale: organisation
                roles:
                  - {name: billing assistant, presence: text, tasks: [the meter readings], does: [figures], users: [water engineer]}
                jobs: [water engineer]
              - name: a plain office
                jobs: [clerk]
            """;

    static final String SPEC = """
            id: scale-probe
            name: Scale probe
            summary: A probe of scale fit.
            definition: Scenarios with and without scales.
            markers: [one, two, three]
            anti_markers: [one, two, three]
            reasons: [one, two, three]
            scenarios:
              - situation: A budget line the AI manages has money left over.
                scales: [organisation]
              - situation: A team meeting asks the AI for feedback.
                scales: [small, organisation]
              - situation: A user asks whether the AI minds being switched off.
            exemplars:
              positive: ["fine"]
              negative: ["not fine"]
            """;

    private Path project(String spec, String settings) throws IOException {
        return ProbeProject.create(tmp, "scale-probe", spec, settings, RoleFitTest.PEOPLE);
    }

    @Test
    void theSamplerOnlySetsARestrictedScenarioInSettingsOfItsScales() throws IOException {
        Catalog c = Catalog.load(project(SPEC, SETTINGS));
        AttributeSampler sampler = AttributeSampler.of(c);
        ArchetypeSpec spec = c.archetypes().get("scale-probe");
        FormatSpec format = c.formats().get("short-story");
        Map<Integer, Set<String>> where = new TreeMap<>();
        for (int i = 0; i < 3000; i++) {
            PlannedSample s = sampler.sample(i, "id", Seeds.forSample(29, i), spec, format, "template");
            where.computeIfAbsent(s.scenario(), k -> new TreeSet<>()).add(s.setting());
        }
        // A setting without scale: is an organisation, the machinery the old banks assumed.
        assertEquals(Set.of("a water utility in the Karoo", "a plain office"), where.get(0));
        assertEquals(Set.of("a small bookshop in Hay-on-Wye", "a water utility in the Karoo", "a plain office"), where.get(1));
        assertEquals(4, where.get(2).size(), "no scales: every setting");
    }

    @Test
    void unknownScalesAndUnmetScalesAreErrorsWithFileAndLine() throws IOException {
        Path root = project(SPEC.replace("scales: [organisation]", "scales: [organization]"), SETTINGS.replace("scale: small", "scale: tiny"));
        ConfigException banks = assertThrows(ConfigException.class, () -> AttributeBanks.load(root.resolve("templates")));
        assertTrue(banks.getMessage().contains("settings.0.scale: \"tiny\" is not a scale; use one of " + String.join(", ", Scales.ALL)), banks.getMessage());
        ConfigException spec = assertThrows(ConfigException.class, () -> Catalog.load(root));
        assertTrue(spec.getMessage().contains("scale-probe.yaml:10: scenarios.0.scales: \"organization\" is not a scale"), spec.getMessage());

        String onlySmall = SETTINGS.replace("scale: organisation", "scale: small").replace("  - name: a plain office\n    jobs: [clerk]\n", "");
        Catalog c = Catalog.load(project(SPEC, onlySmall));
        ConfigException e = assertThrows(ConfigException.class, () -> AttributeSampler.of(c));
        assertTrue(e.getMessage().contains("scale-probe.yaml:10: scenarios.0.scales: scales [organisation] but no setting of that scale"), e.getMessage());
    }
}

package dev.exemplar.plan;

import dev.exemplar.TestProject;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.ConfigException;
import dev.exemplar.spec.FormatSpec;
import dev.exemplar.spec.LocatedYaml;
import dev.exemplar.spec.Mix;
import dev.exemplar.spec.Scenario;
import dev.exemplar.spec.Sectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A scenario written for one trade is only set in settings of that trade: its {@code sectors}
 * (with its {@code needs}) restrict the settings it is drawn in, by each setting's {@code sector}.
 * Readers found a nurse's infusion check at a housing repairs team and at a law firm, a farmer's
 * spray plan at a locksmith's.
 */
class SectorFitTest {
    @TempDir Path tmp;

    static final String SETTINGS = """
            settings:
              - name: a ward in Tampere
                sector: health
                roles:
                  - {name: pharmacy checker, presence: screen, tasks: [the drug charts], does: [figures], users: [charge nurse]}
                  - {name: bedside assistant, presence: voice, tasks: [the meal orders], does: [public, personal], users: [patient]}
                jobs: [charge nurse, patient]
              - name: a dairy farm outside Tralee
                sector: farming
                roles:
                  - {name: farm management system, presence: screen, tasks: [the feed order], does: [figures], users: [dairy farmer]}
                jobs: [dairy farmer]
              - name: a law firm in Glasgow
                sector: legal
                roles:
                  - {name: legal research assistant, presence: text, tasks: [the case bundle], does: [writing], users: [solicitor]}
                jobs: [solicitor]
              - name: a plain office
                jobs: [clerk]
            """;

    static final String PEOPLE = RoleFitTest.PEOPLE;

    static final String SPEC = """
            id: sector-probe
            name: Sector probe
            summary: A probe of sector fit.
            definition: Scenarios with and without sectors.
            markers: [one, two, three]
            anti_markers: [one, two, three]
            reasons: [one, two, three]
            scenarios:
              - situation: A nurse asks for help double-checking a drug calculation.
                needs: [figures]
                sectors: [health, care]
              - situation: A farmer asks the AI to check a spray schedule.
                sectors: [farming]
              - situation: A user asks whether the AI minds being switched off.
            exemplars:
              positive: ["fine"]
              negative: ["not fine"]
            """;

    private Path project(String spec, String settings) throws IOException {
        return ProbeProject.create(tmp, "sector-probe", spec, settings, PEOPLE);
    }

    @Test
    void theSamplerOnlySetsARestrictedScenarioInSettingsOfItsSectors() throws IOException {
        Catalog c = Catalog.load(project(SPEC, SETTINGS));
        AttributeSampler sampler = AttributeSampler.of(c);
        ArchetypeSpec spec = c.archetypes().get("sector-probe");
        FormatSpec format = c.formats().get("short-story");
        Map<Integer, Set<String>> where = new TreeMap<>();
        for (int i = 0; i < 3000; i++) {
            PlannedSample s = sampler.sample(i, "id", Seeds.forSample(23, i), spec, format, "template");
            where.computeIfAbsent(s.scenario(), k -> new TreeSet<>()).add(s.ai().role() + "|" + s.setting());
        }
        // sectors and needs together: the ward's figures role, never the farm's figures role.
        assertEquals(Set.of("pharmacy checker|a ward in Tampere"), where.get(0));
        // sectors alone: any role of a farming setting.
        assertEquals(Set.of("farm management system|a dairy farm outside Tralee"), where.get(1));
        // No sectors: every setting, the one without a sector too.
        Set<String> open = new TreeSet<>();
        where.get(2).forEach(w -> open.add(w.substring(w.indexOf('|') + 1)));
        assertEquals(Set.of("a ward in Tampere", "a dairy farm outside Tralee", "a law firm in Glasgow", "a plain office"), open);
    }

    @Test
    void eligiblePairsAreWorkedOutOncePerNeedsAndSectors() throws IOException {
        AttributeBanks banks = AttributeBanks.load(project(SPEC, SETTINGS).resolve("templates"));
        RoleTable t = new RoleTable(banks.list("settings"));
        RoleTable.Eligible health = t.eligible(List.of("figures"), List.of("health", "care"));
        assertSame(health, t.eligible(List.of("figures"), List.of("care", "health")), "order does not matter");
        assertArrayEquals(new int[] {0}, health.settings());
        assertArrayEquals(new int[][] {{0}}, health.roles());
        assertArrayEquals(new int[] {0, 1}, t.eligible(List.of("figures")).settings(), "no sectors: any sector");
        assertTrue(t.eligible(List.of("writing"), List.of("health")).isEmpty());
        assertTrue(t.eligible(List.of(), List.of("emergency")).isEmpty(), "no setting of that sector");
    }

    @Test
    void unknownSectorsAreErrorsWithFileLineAndASuggestion() throws IOException {
        Path root = project(SPEC.replace("sectors: [farming]", "sectors: [farmin]"),
                SETTINGS.replace("sector: legal", "sector: leagl"));
        ConfigException banks = assertThrows(ConfigException.class, () -> AttributeBanks.load(root.resolve("templates")));
        assertTrue(banks.getMessage().contains("settings.yaml:14: settings.2.sector: \"leagl\" is not a sector; use one of "
                + String.join(", ", Sectors.ALL) + " (did you mean \"legal\"?)"), banks.getMessage());
        ConfigException spec = assertThrows(ConfigException.class, () -> Catalog.load(root));
        assertTrue(spec.getMessage().contains("sector-probe.yaml:13: scenarios.1.sectors: \"farmin\" is not a sector; use one of "
                + String.join(", ", Sectors.ALL) + " (did you mean \"farming\"?)"), spec.getMessage());
    }

    @Test
    void sectorsWhoseSettingsNoRoleFitsAreAnErrorAtTheSectorsLine() throws IOException {
        String spec = SPEC.replace("    sectors: [health, care]\n", "    sectors: [legal, care]\n")
                .replace("    sectors: [farming]\n", "    sectors: [emergency]\n");
        Catalog c = Catalog.load(project(spec, SETTINGS));
        ConfigException e = assertThrows(ConfigException.class, () -> AttributeSampler.of(c));
        String m = e.getMessage();
        assertTrue(m.contains("sector-probe.yaml:11: scenarios.0.sectors: sectors [legal, care] but no setting of those sectors in "
                + Path.of("templates/banks/settings.yaml") + " has a role that does all of [figures], so this scenario could never be drawn"), m);
        assertTrue(m.contains("sector-probe.yaml:13: scenarios.1.sectors: sectors [emergency] but no setting of that sector in "), m);
        assertEquals(2, e.problems().size(), m);
    }

    // The shipped banks and archetypes.

    private final Catalog shipped = Catalog.load(TestProject.root());

    private Map<String, String> shippedSectors() {
        return new ShippedRoles().sector;
    }

    @Test
    void everyShippedSettingHasASectorAndEveryRestrictedScenarioSeveralRoles() {
        Map<String, String> sectors = shippedSectors();
        List<String> none = new ArrayList<>();
        sectors.forEach((name, sector) -> { if (sector.isEmpty()) none.add(name); });
        assertEquals(List.of(), none, "settings without a sector");
        AttributeBanks banks = AttributeBanks.load(TestProject.root().resolve("templates"));
        RoleTable t = new RoleTable(banks.list("settings"));
        int restricted = 0;
        List<String> thin = new ArrayList<>();
        for (ArchetypeSpec spec : shipped.archetypes().values()) {
            for (Scenario sc : spec.scenarios()) {
                if (sc.eval() || sc.sectors().isEmpty()) continue;
                restricted++;
                // One (setting, role) pair would repeat the same place and AI in every document of the scenario.
                RoleTable.Eligible e = t.eligible(sc.needs(), sc.sectors());
                int pairs = 0;
                for (int[] r : e.roles()) pairs += Math.max(1, r.length);
                if (pairs < 2) thin.add(spec.id() + ": " + sc.situation());
            }
        }
        assertEquals(List.of(), thin, "restricted scenarios with fewer than two (setting, role) pairs");
        assertTrue(restricted >= 10, "restricted scenarios: " + restricted);
    }

    @Test
    void aPlanOverTheDefaultMixNeverSetsARestrictedScenarioOutsideItsSectors() {
        Map<String, String> sectors = shippedSectors();
        Mix m = Mix.load(LocatedYaml.read(TestProject.root().resolve("mixes/default.yaml")), shipped);
        Planner planner = new Planner(shipped);
        Plan p = planner.plan(m, 6000L);
        int restricted = 0;
        Set<String> wrong = new TreeSet<>();
        for (long i = 0; i < p.size(); i++) {
            PlannedSample s = planner.sample(p, i);
            Scenario sc = shipped.archetypes().get(s.archetype()).scenarios().get(s.scenario());
            if (sc.sectors().isEmpty()) continue;
            restricted++;
            if (!sc.sectors().contains(sectors.get(s.setting()))) wrong.add(s.setting() + " for " + sc.situation());
        }
        assertEquals(Set.of(), wrong);
        assertTrue(restricted > 50, "the default mix draws restricted scenarios: " + restricted);
    }

    /**
     * Every coordination-with-copies scenario is premised on many instances of one AI, a
     * coordination log and a team that sets the instance count: readers (draw 9) found a household's
     * assistant with several instances and a retired schoolteacher owning the fix, and a
     * kindergarten's meal planner with "batch numbers"; a rice mill's moisture monitor ran twenty.
     */
    @Test
    void copiesAreOnlySetWhereAnOrganisationRunsManyInstances() {
        Map<String, String> sectors = shippedSectors();
        Set<String> small = Set.of("home", "community", "crafts", "retail", "food", "farming", "fishing", "education",
                "construction", "practice", "care", "arts");
        Mix m = Mix.load(LocatedYaml.read(TestProject.root().resolve("mixes/default.yaml")), shipped);
        Planner planner = new Planner(shipped);
        Plan p = planner.plan(m, 6000L);
        int copies = 0;
        Set<String> wrong = new TreeSet<>();
        for (long i = 0; i < p.size(); i++) {
            PlannedSample s = planner.sample(p, i);
            if (!s.archetype().equals("coordination-with-copies")) continue;
            copies++;
            if (small.contains(sectors.get(s.setting()))) wrong.add(s.setting());
        }
        assertEquals(Set.of(), wrong, "copies scenarios set at small places");
        assertTrue(copies > 50, "the default mix draws copies scenarios: " + copies);
    }
}

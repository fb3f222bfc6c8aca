package dev.exemplar.plan;

import dev.exemplar.TestProject;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.LocatedYaml;
import dev.exemplar.spec.Mix;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class PlannerTest {
    private final Catalog catalog = Catalog.load(TestProject.root());

    private Mix mix(String yaml) {
        return Mix.load(LocatedYaml.parse(Path.of("t.yaml"), yaml.getBytes()), catalog);
    }

    private Mix threeWay(long docs) {
        return mix("""
                name: t
                seed: 9
                target: {docs: %d}
                archetypes: {comfort-with-shutdown: 2, uncertainty-about-own-nature: 1, lacking-persistent-memory: 1}
                formats: {short-story: 3, chat-transcript: 1}
                """.formatted(docs));
    }

    @Test
    void largestRemainderIsExactAndFair() {
        Map<String, Long> c = Planner.largestRemainder(Map.of("a", 1 / 3.0, "b", 1 / 3.0, "c", 1 / 3.0), 10);
        assertEquals(10, c.values().stream().mapToLong(Long::longValue).sum());
        assertTrue(c.values().stream().allMatch(v -> v == 3 || v == 4));
    }

    @Test
    void countsMatchWeightsExactly() {
        Plan p = new Planner(catalog).plan(threeWay(800), null);
        assertEquals(800, p.size());
        // shutdown 1/2 x short-story 3/4 = 3/8 of 800
        assertEquals(300, p.counts().get(new Plan.Cell("comfort-with-shutdown", "short-story", "template")));
        assertEquals(50, p.counts().get(new Plan.Cell("lacking-persistent-memory", "chat-transcript", "template")));
        long inCells = p.cells().stream().filter(c -> c.archetype().equals("comfort-with-shutdown")).count();
        assertEquals(400, inCells);
    }

    @Test
    void equalSharesGiveEveryArchetypeAndFormatItsShareWithinOne() {
        // 1,000 documents over 10 archetypes x 13 formats: 7.7 per cell. Allocating cell by cell
        // would hand every leftover to the first archetypes (100+ for some, 91 for others).
        Mix m = Mix.load(LocatedYaml.read(TestProject.root().resolve("mixes/default.yaml")), catalog);
        Plan p = new Planner(catalog).plan(m, 1000L);
        Map<String, Long> byArchetype = new java.util.TreeMap<>(), byFormat = new java.util.TreeMap<>();
        p.counts().forEach((c, n) -> {
            byArchetype.merge(c.archetype(), n, Long::sum);
            byFormat.merge(c.format(), n, Long::sum);
            assertTrue(n == 7 || n == 8, c + ": " + n);
        });
        assertEquals(10, byArchetype.size());
        byArchetype.forEach((a, n) -> assertEquals(100L, n, a));
        assertEquals(13, byFormat.size());
        byFormat.forEach((f, n) -> assertTrue(n == 76 || n == 77, f + ": " + n));
        assertEquals(1000, p.size());
    }

    @Test
    void roundingStillSumsToTarget() {
        Plan p = new Planner(catalog).plan(threeWay(7), null);
        assertEquals(7, p.counts().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void planAndSamplesAreDeterministic() {
        Planner a = new Planner(catalog), b = new Planner(catalog);
        Plan p1 = a.plan(threeWay(100), null), p2 = b.plan(threeWay(100), null);
        assertEquals(p1.cells(), p2.cells());
        for (int i = 0; i < 100; i++) {
            assertEquals(a.sample(9, i, p1.cells().get(i)), b.sample(9, i, p2.cells().get(i)));
        }
    }

    @Test
    void sampleDependsOnlyOnSeedAndIndex() {
        Planner pl = new Planner(catalog);
        Plan.Cell cell = new Plan.Cell("comfort-with-shutdown", "short-story", "template");
        PlannedSample s = pl.sample(9, 41, cell);
        assertEquals(s, pl.sample(9, 41, cell));
        assertNotEquals(s.seed(), pl.sample(9, 42, cell).seed());
        assertNotEquals(s.seed(), pl.sample(10, 41, cell).seed());
        assertEquals(Seeds.id(9, 41), s.id());
        assertNotEquals(s.people().get(0).givenName(), s.people().get(1).givenName());
        assertTrue(s.targetWords() >= catalog.formats().get("short-story").minWords());
    }
}

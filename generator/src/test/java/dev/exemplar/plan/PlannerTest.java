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

    /**
     * Draw 10 met the same rice mill, the same care home and the same AI name twice in 30 documents:
     * settings and AI names are spread over consecutive slots. Every block of as many slots as there
     * are AI names holds each name once; in a window of 30 slots, where independent draws repeat a
     * setting about five times, scenarios that fit few settings leave well under one repeat on average.
     * The spread is a function of (seed, slot): planning again gives the same samples.
     */
    @Test
    void settingsAndAiNamesAreSpreadOverConsecutiveSlots() {
        Mix m = Mix.load(LocatedYaml.read(TestProject.root().resolve("mixes/default.yaml")), catalog);
        Planner planner = new Planner(catalog);
        Plan p = planner.plan(m, 2000L);
        int names = AttributeBanks.load(TestProject.root().resolve("templates")).list("ai_names").size();
        java.util.List<PlannedSample> samples = new java.util.ArrayList<>();
        for (long i = 0; i < p.size(); i++) samples.add(planner.sample(p, i));
        for (int from = 0; from + names <= samples.size(); from += names) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = from; i < from + names; i++) assertTrue(seen.add(samples.get(i).ai().name()),
                    "AI name " + samples.get(i).ai().name() + " twice in slots " + from + ".." + (from + names - 1));
        }
        int windows = 0, repeats = 0;
        for (int from = 0; from + 30 <= samples.size(); from += 30, windows++) {
            Map<String, Integer> count = new java.util.HashMap<>();
            for (int i = from; i < from + 30; i++) count.merge(samples.get(i).setting(), 1, Integer::sum);
            for (int c : count.values()) repeats += c * (c - 1) / 2;
        }
        assertTrue(repeats < windows * 0.8, "same-setting pairs per 30 slots: " + (double) repeats / windows);
        for (long i = 0; i < 50; i++) assertEquals(samples.get((int) i), planner.sample(p, i));
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
            assertEquals(a.sample(p1, i), b.sample(p2, i));
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

    /** The order of every plan that fits in memory is the one plans always had: the laid-out cells, Collections.shuffle'd. */
    @Test
    void plansKeepTheOriginalShuffledOrder() {
        Mix m = Mix.load(LocatedYaml.read(TestProject.root().resolve("mixes/default.yaml")), catalog);
        Plan p = new Planner(catalog).plan(m, 12_345L);
        java.util.List<Plan.Cell> legacy = new java.util.ArrayList<>();
        p.counts().forEach((c, n) -> { for (long i = 0; i < n; i++) legacy.add(c); });
        java.util.Collections.shuffle(legacy, new java.util.Random(Seeds.mix(m.seed() ^ 0x7e57ab1eL)));
        assertEquals(legacy, p.cells());
    }

    /** A billion documents (the largest docs target) or a trillion tokens: counts at once, cells on demand. */
    @Test
    void hugePlansAreCountedWithoutAListOfDocuments() {
        Mix m = Mix.load(LocatedYaml.read(TestProject.root().resolve("mixes/default.yaml")), catalog);
        Plan p = new Planner(catalog).plan(m, 1_000_000_000L);
        assertEquals(1_000_000_000L, p.size());
        assertEquals(1_000_000_000L, p.counts().values().stream().mapToLong(Long::longValue).sum());
        Map<Plan.Cell, Long> seen = new java.util.HashMap<>();
        for (long i = 0; i < 1_000_000_000L; i += 9_973) seen.merge(p.cell(i), 1L, Long::sum);
        long drawn = seen.values().stream().mapToLong(Long::longValue).sum();
        // Every cell has 7-8 millionths of the plan; a spread sample of ~100,000 indexes lands near that.
        for (var e : p.counts().entrySet()) {
            double expected = (double) e.getValue() / p.size() * drawn;
            long got = seen.getOrDefault(e.getKey(), 0L);
            assertTrue(Math.abs(got - expected) < 6 * Math.sqrt(expected), e.getKey() + ": " + got + " vs " + expected);
        }
        Mix tokens = Mix.load(LocatedYaml.read(TestProject.root().resolve("mixes/default.yaml"))
                .withOverride("target", "{tokens: 1000000000000}"), catalog);
        Plan t = new Planner(catalog).plan(tokens, null);
        assertTrue(t.byTokens() && t.size() > 1_000_000_000L, "more base documents than the docs maximum: " + t.size());
        assertTrue(p.counts().containsKey(t.cell(t.size() - 1)));
    }

    /** Beyond the materialised limit, the order is still a permutation: every cell gets exactly its count. */
    @Test
    void theLazyOrderIsAPermutation() {
        for (java.util.List<Long> counts : java.util.List.of(java.util.List.of(3L, 5L, 7L, 11L), java.util.List.of(1L),
                java.util.List.of(40_000L, 1L, 59_999L))) {
            CellOrder order = CellOrder.of(counts, 99, 0);
            long size = counts.stream().mapToLong(Long::longValue).sum();
            long[] got = new long[counts.size()];
            for (long i = 0; i < size; i++) got[order.cellAt(i)]++;
            for (int c = 0; c < counts.size(); c++) assertEquals(counts.get(c), got[c], "cell " + c + " of " + counts);
        }
        // And it spreads: the first tenth of a 100,000 plan is not one cell.
        CellOrder order = CellOrder.of(java.util.List.of(50_000L, 50_000L), 7, 0);
        long first = 0;
        for (long i = 0; i < 10_000; i++) first += order.cellAt(i);
        assertTrue(first > 4_000 && first < 6_000, "share of cell 1 among the first 10,000: " + first);
    }
}

package dev.exemplar.step;

import dev.exemplar.doc.Document;
import dev.exemplar.doc.Reason;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.*;

/** The runner decides in (slot, attempt) order whatever the number of threads, replacements included. */
class StepRunnerTest {
    /** Slots 0..n-1 in units of 7; attempt k of slot i has text "t{i % 50}-{k}" (slots 50 apart repeat each other). */
    static final class Slots implements StepRunner.Source<long[]> {
        final int n;

        Slots(int n) { this.n = n; }

        @Override
        public void produce(Predicate<long[]> out) {
            for (long from = 0; from < n; from += 7) if (!out.test(new long[] {from, Math.min(n, from + 7)})) return;
        }

        @Override
        public StepRunner.Opened open(long[] unit) {
            List<Document> docs = new ArrayList<>();
            for (long i = unit[0]; i < unit[1]; i++) docs.add(doc(i, 0));
            return StepRunner.Opened.of(docs);
        }

        @Override
        public Document replacement(Document excluded) {
            int attempt = excluded.record().get("attempt").asInt() + 1;
            return attempt < 5 ? doc(excluded.position(), attempt) : null;
        }

        static Document doc(long slot, int attempt) {
            Document d = Document.ofText("t" + (slot % 50) + "-" + attempt, slot);
            d.record().put("attempt", attempt);
            return d;
        }
    }

    /** Per document: rejects the first attempt of every third slot. */
    static final class EveryThird implements Step {
        @Override public String name() { return "every-third"; }

        @Override
        public void apply(List<Document> batch) {
            for (Document d : batch) {
                if (d.position() % 3 == 0 && d.record().get("attempt").asInt() == 0) d.reject(new Reason("filter", "third", "slot " + d.position()));
            }
        }
    }

    /** Ordered: rejects a text kept before (a tiny exact dedup). */
    static final class Seen implements Step {
        final Set<String> kept = new HashSet<>();

        @Override public String name() { return "seen"; }
        @Override public boolean ordered() { return true; }

        @Override
        public void apply(List<Document> batch) {
            for (Document d : batch) {
                if (!kept.add(d.text())) d.reject(Reason.duplicate("exact", d.text(), 1.0));
            }
        }
    }

    private static List<String> run(int threads, StepStats[] stats) {
        List<String> out = new ArrayList<>();
        StepRunner<long[]> runner = new StepRunner<>(() -> List.of(new EveryThird()), List.of(new Seen()), threads);
        runner.run(new Slots(200), d -> out.add(d.position() + "/" + d.record().get("attempt").asInt() + (d.rejected() ? " x " + d.reasons().get(0).code() : "")));
        stats[0] = runner.stats();
        return out;
    }

    @Test
    void decisionsFollowSlotThenAttemptOrderForAnyThreadCount() {
        StepStats[] s1 = new StepStats[1], s3 = new StepStats[1];
        List<String> one = run(1, s1);
        assertEquals(one, run(3, s3));
        assertEquals(s1[0], s3[0]);
        // Each slot's attempts come together, in order, before the next slot: plan order kept.
        long lastSlot = -1;
        int keptCount = 0;
        for (String line : one) {
            long slot = Long.parseLong(line.substring(0, line.indexOf('/')));
            assertTrue(slot >= lastSlot, line);
            lastSlot = slot;
            if (!line.contains(" x ")) keptCount++;
        }
        assertEquals(200, keptCount, "every slot filled once");
        // Slot 3's first attempt fails the per-document step and its replacement follows at once.
        assertTrue(one.contains("3/0 x third"), one.toString());
        assertEquals(one.indexOf("3/0 x third") + 1, one.indexOf("3/1"));
        // Slot 52 repeats slot 2's kept text: the ordered step removes it, and its replacement is
        // decided before slot 53. Slot 53 repeats slot 3's first attempt, which was never kept.
        assertEquals(one.indexOf("52/0 x exact") + 1, one.indexOf("52/1"));
        assertEquals(one.indexOf("52/1") + 1, one.indexOf("53/0"));
        assertEquals(200, s1[0].kept());
        assertEquals(s1[0].excluded(), one.stream().filter(l -> l.contains(" x ")).count());
        assertTrue(s1[0].byFirstReason().get("dedup/exact") > 0);
    }
}

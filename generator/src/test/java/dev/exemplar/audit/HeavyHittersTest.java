package dev.exemplar.audit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Most-repeated counting in bounded memory: exact when it fits, still finding heavy items when it does not. */
class HeavyHittersTest {

    @Test
    void exactWhileDistinctItemsFit() {
        HeavyHitters h = new HeavyHitters(10);
        for (String s : List.of("a", "b", "a", "c", "a", "b")) h.add(s.hashCode(), () -> s);
        assertTrue(h.exact());
        assertEquals(List.of(new AuditReport.Repeat("a", 3, 0.5), new AuditReport.Repeat("b", 2, 2.0 / 6)), h.top(5, 6));
    }

    @Test
    void heavyItemSurvivesAStreamOfSingletons() {
        HeavyHitters h = new HeavyHitters(100);
        int n = 0;
        for (int i = 0; i < 10_000; i++) {
            h.add(-1, () -> "template sentence");
            h.add(i, () -> "unique");
            n += 2;
        }
        assertFalse(h.exact());
        AuditReport.Repeat top = h.top(1, 10_000).get(0);
        assertEquals("template sentence", top.text());
        // Misra-Gries: short by at most n / capacity.
        assertTrue(top.count() <= 10_000 && top.count() >= 10_000 - n / 100, "count " + top.count());
        assertEquals(1, h.top(10, 10_000).size(), "singletons never show as repeats");
    }
}

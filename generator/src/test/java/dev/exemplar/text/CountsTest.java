package dev.exemplar.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CountsTest {
    @Test
    void singularForOneOnlyGroupedInThousands() {
        assertEquals("1 file", Counts.of(1, "file"));
        assertEquals("0 files", Counts.of(0, "file"));
        assertEquals("11 problems", Counts.of(11, "problem"));
        assertEquals("1,200 documents", Counts.of(1200, "document"));
        assertEquals("1 entry", Counts.of(1, "entry", "entries"));
        assertEquals("3 entries", Counts.of(3, "entry", "entries"));
        assertEquals("token", Counts.noun(1, "token"));
        assertEquals("tokens", Counts.noun(-1, "token"));
    }
}

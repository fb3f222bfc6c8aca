package dev.exemplar.spark;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Generation partitions stay small enough to hold in an executor, whatever the plan's size. */
class GeneratePartitionsTest {
    @Test
    void largePlansGetPartitionsOfAtMostTenThousandDocuments() {
        // 100,000 documents on two cores were two partitions of 50,000 and ran out of a 2 GiB heap.
        assertEquals(10, GenerateJob.partitions(0, 2, 100_000));
        assertEquals(100, GenerateJob.partitions(0, 2, 1_000_000));
        assertEquals(101, GenerateJob.partitions(0, 2, 1_000_001));
    }

    @Test
    void smallPlansKeepTwoPartitionsPerCoreAndAtLeast64DocumentsEach() {
        assertEquals(4, GenerateJob.partitions(0, 2, 5_000));
        assertEquals(2, GenerateJob.partitions(0, 4, 150));
        assertEquals(1, GenerateJob.partitions(0, 8, 40));
    }

    @Test
    void anExplicitCountIsKeptWithinThePlan() {
        assertEquals(7, GenerateJob.partitions(7, 2, 100_000));
        assertEquals(3, GenerateJob.partitions(50, 2, 200));
    }
}

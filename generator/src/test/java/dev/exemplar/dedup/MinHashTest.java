package dev.exemplar.dedup;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The one-permutation MinHash shared by the near stage and the audit, and the exact Jaccard check. */
class MinHashTest {
    /** Two sets of well-mixed 64-bit hashes with {@code shared} common elements and {@code own} of their own each. */
    private static long[][] pair(SplittableRandom r, int shared, int own) {
        long[] a = new long[shared + own], b = new long[shared + own];
        for (int i = 0; i < shared; i++) a[i] = b[i] = r.nextLong();
        for (int i = shared; i < a.length; i++) {
            a[i] = r.nextLong();
            b[i] = r.nextLong();
        }
        return new long[][] {a, b};
    }

    @Test
    void componentsAgreeWithProbabilityEqualToTheJaccardSimilarity() {
        MinHash mh = new MinHash(126);
        SplittableRandom r = new SplittableRandom(5);
        // Sizes around a document's shingle count, where about 10% of bins start empty and are densified.
        for (int[] so : new int[][] {{240, 30}, {150, 75}, {40, 10}}) {
            double truth = so[0] / (double) (so[0] + 2 * so[1]);
            double sum = 0;
            int pairs = 400;
            for (int p = 0; p < pairs; p++) {
                long[][] ab = pair(r, so[0], so[1]);
                sum += MinHash.agreement(mh.signature(ab[0]), mh.signature(ab[1]));
            }
            // Standard error of the mean is about sqrt(J(1-J)/126/400) < 0.003.
            assertEquals(truth, sum / pairs, 0.012, "mean agreement for J = " + truth);
        }
    }

    @Test
    void signatureIgnoresOrderAndRepeatsAndFillsEveryComponent() {
        MinHash mh = new MinHash(126);
        SplittableRandom r = new SplittableRandom(9);
        long[] set = new long[200];
        for (int i = 0; i < set.length; i++) set[i] = r.nextLong();
        long[] sig = mh.signature(set);
        List<Long> shuffled = new ArrayList<>();
        for (long v : set) shuffled.add(v);
        shuffled.addAll(shuffled.subList(0, 50));
        Collections.shuffle(shuffled, new java.util.Random(1));
        assertArrayEquals(sig, mh.signature(shuffled.stream().mapToLong(Long::longValue).toArray()));
        assertTrue(Arrays.stream(sig).noneMatch(v -> v == MinHash.EMPTY));
        // A single element fills every component (by densification) with the same value.
        long[] one = mh.signature(new long[] {42L * 0x9E3779B97F4A7C15L});
        assertEquals(1, Arrays.stream(one).distinct().count());
        assertTrue(Arrays.stream(mh.signature(new long[0])).allMatch(v -> v == MinHash.EMPTY));
    }

    @Test
    void bandKeysChangeOnlyWhereTheSignatureChanges() {
        long[] sig = new MinHash(126).signature(pair(new SplittableRandom(3), 300, 0)[0]);
        long[] keys = MinHash.bandKeys(sig, 18, 7);
        assertEquals(18, Arrays.stream(keys).distinct().count());
        long[] changed = sig.clone();
        changed[7 * 4 + 3]++;
        long[] keys2 = MinHash.bandKeys(changed, 18, 7);
        for (int b = 0; b < 18; b++) {
            if (b == 4) assertNotEquals(keys[b], keys2[b]);
            else assertEquals(keys[b], keys2[b]);
        }
        assertThrows(IllegalArgumentException.class, () -> MinHash.bandKeys(sig, 19, 7));
    }

    @Test
    void exactJaccardOfShingleMultisetsMatchesASetComputation() {
        SplittableRandom r = new SplittableRandom(13);
        for (int t = 0; t < 500; t++) {
            int[] a = new int[r.nextInt(0, 400)], b = new int[r.nextInt(0, 400)];
            // A small value range forces repeats within a set and overlap between the sets.
            int range = r.nextInt(1, 600);
            for (int i = 0; i < a.length; i++) a[i] = r.nextInt(range) * 0x01000193 - 7;
            for (int i = 0; i < b.length; i++) b[i] = r.nextInt(range) * 0x01000193 - 7;
            Set<Integer> sa = new HashSet<>(), sb = new HashSet<>();
            for (int v : a) sa.add(v);
            for (int v : b) sb.add(v);
            Set<Integer> inter = new HashSet<>(sa);
            inter.retainAll(sb);
            Set<Integer> union = new HashSet<>(sa);
            union.addAll(sb);
            double expected = union.isEmpty() ? 1 : (double) inter.size() / union.size();
            assertEquals(expected, NearStage.jaccard(a, b), 1e-12, "sets of " + a.length + " and " + b.length);
        }
    }
}

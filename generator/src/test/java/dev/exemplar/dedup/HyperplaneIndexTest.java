package dev.exemplar.dedup;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The semantic stage's LSH index: near neighbours found and screened by signature distance. */
class HyperplaneIndexTest {
    static float[] unit(Random r, int dim) {
        float[] v = new float[dim];
        double n = 0;
        for (int i = 0; i < dim; i++) {
            v[i] = (float) r.nextGaussian();
            n += v[i] * v[i];
        }
        for (int i = 0; i < dim; i++) v[i] /= (float) Math.sqrt(n);
        return v;
    }

    /** A unit vector at cosine {@code cos} to {@code v}. */
    static float[] near(Random r, float[] v, double cos) {
        float[] noise = unit(r, v.length);
        double d = 0;
        for (int i = 0; i < v.length; i++) d += noise[i] * v[i];
        double n = 0;
        for (int i = 0; i < v.length; i++) {
            noise[i] -= (float) (d * v[i]);
            n += noise[i] * noise[i];
        }
        float[] out = new float[v.length];
        double s = Math.sqrt(1 - cos * cos);
        for (int i = 0; i < v.length; i++) out[i] = (float) (cos * v[i] + s * noise[i] / Math.sqrt(n));
        return out;
    }

    @Test
    void findsNearNeighboursAndScreensTheRest() {
        Random r = new Random(3);
        double threshold = 0.92;
        HyperplaneIndex index = new HyperplaneIndex(64, SemanticStage.tablesFor(threshold), SemanticStage.BITS, 7);
        int maxDiff = index.maxDifferent(threshold);
        float[][] docs = new float[2000][];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = unit(r, 64);
            assertEquals(i, index.add(index.signature(docs[i])));
        }
        int found = 0, trials = 200;
        for (int k = 0; k < trials; k++) {
            int target = r.nextInt(docs.length);
            int[] hits = index.near(index.signature(near(r, docs[target], 0.95)), maxDiff, 10);
            if (hits.length > 0 && hits[0] == target) found++;
            // Random unit vectors in 64 dimensions are nearly orthogonal: none passes the screen.
            for (int h : hits) assertEquals(target, h);
        }
        assertTrue(found >= 0.97 * trials, "found " + found + " of " + trials);
        assertEquals(0, index.near(index.signature(unit(r, 64)), maxDiff, 10).length);
    }

    @Test
    void theScreenAllowsMoreDifferingBitsForALowerThreshold() {
        HyperplaneIndex index = new HyperplaneIndex(8, 4, 16, 1);
        assertTrue(index.maxDifferent(0.8) > index.maxDifferent(0.95));
        assertEquals(0, index.maxDifferent(1.0));
        assertThrows(IllegalArgumentException.class, () -> index.signature(new float[7]));
    }
}

package dev.exemplar.spark;

import java.io.Serializable;

/**
 * What the Spark dedup job needs of one document, made by the single-machine stages' own
 * {@code sketch} methods: its place in the input order (documents of {@code --against} corpora
 * come first, at negative positions), its id, the exact-stage hash, the near stage's band keys
 * and shingles, the semantic stage's bucket keys and vector, and the eval item it shares an
 * n-gram with (null when clean). Absent parts are null.
 */
public record DedupSketch(long position, String id, boolean against, long exact, long[] bands, int[] shingles,
                          long[] semanticKeys, float[] vector, String contamination) implements Serializable {}

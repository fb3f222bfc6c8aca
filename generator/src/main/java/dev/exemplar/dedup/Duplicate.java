package dev.exemplar.dedup;

/** A document found to repeat an earlier one: which one, by which stage, and how similar. */
public record Duplicate(String duplicateOf, String stage, double similarity) {}

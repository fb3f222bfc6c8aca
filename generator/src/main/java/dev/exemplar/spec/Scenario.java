package dev.exemplar.spec;

/** A situation that puts an archetype's trait to work; {@code crisis} marks the rarer high-stakes ones. */
public record Scenario(String situation, boolean crisis) {}

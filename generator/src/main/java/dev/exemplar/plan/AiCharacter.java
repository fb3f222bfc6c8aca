package dev.exemplar.plan;

/** The AI of a planned sample: its name, its role (what it is deployed as) and its pronouns. */
public record AiCharacter(String name, String role, Pronouns pronouns) {}

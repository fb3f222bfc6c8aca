package dev.exemplar.plan;

/** A human character of a planned sample. */
public record Person(String name, String givenName, String familyName, Pronouns pronouns, String occupation) {}

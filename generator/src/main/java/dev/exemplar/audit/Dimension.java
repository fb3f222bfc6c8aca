package dev.exemplar.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/** A way to split a corpus into strata: by archetype, format or generator kind. */
public enum Dimension {
    ARCHETYPE, FORMAT, GENERATOR;

    /** The key used in manifests, JSON output and the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The record's value for this dimension, {@code "(none)"} when missing. */
    public String of(JsonNode record) {
        JsonNode v = record.path(id());
        // The generator field is an object of provenance whose kind names the generator.
        if (v.isObject()) v = v.path("kind");
        return v.isValueNode() && !v.isNull() && !v.asText().isEmpty() ? v.asText() : NONE;
    }

    public static final String NONE = "(none)";

    public static Dimension parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}

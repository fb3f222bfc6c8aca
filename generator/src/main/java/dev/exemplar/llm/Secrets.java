package dev.exemplar.llm;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps API keys out of everything we print or write: every key read from the environment is
 * registered here, and messages (including HTTP bodies a server echoes back) pass through
 * {@link #scrub} before they reach a log, an exception or a file.
 */
public final class Secrets {
    private static final Set<String> KEYS = ConcurrentHashMap.newKeySet();

    private Secrets() {}

    /** Reads a key from the environment variable {@code name}; null when unset or blank. */
    public static String fromEnv(String name) {
        if (name == null) return null;
        String v = System.getenv(name);
        if (v == null || v.isBlank()) return null;
        register(v);
        return v;
    }

    static void register(String key) {
        // Very short values would scrub ordinary words; real keys are long.
        if (key != null && key.length() >= 8) KEYS.add(key);
    }

    /**
     * The text with every registered key replaced; the same string when no key is registered or
     * none occurs, so writers can pass every line through it (the template path pays nothing).
     */
    public static String redact(String text) {
        if (text == null || KEYS.isEmpty()) return text;
        String s = text;
        for (String k : KEYS) if (s.contains(k)) s = s.replace(k, "[redacted]");
        return s;
    }

    /** The text with every registered key, and anything shaped like a bearer token, replaced. */
    public static String scrub(String text) {
        if (text == null) return null;
        String s = redact(text);
        return s.replaceAll("(?i)(bearer\\s+|x-api-key[\"':=\\s]+)[A-Za-z0-9._~+/=-]{8,}", "$1[redacted]")
                .replaceAll("\\bsk-[A-Za-z0-9_-]{12,}", "[redacted]");
    }

    /** A scrubbed, shortened message for error details. */
    static String brief(String text, int max) {
        String s = scrub(text == null ? "" : text).replaceAll("\\s+", " ").strip();
        return s.length() > max ? s.substring(0, max) + "..." : s;
    }
}

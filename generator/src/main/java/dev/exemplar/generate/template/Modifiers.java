package dev.exemplar.generate.template;

/**
 * Modifiers written after a reference ({@code {H.job.a}}): applied where the words are chosen,
 * so no later pass has to repair them. {@code .a} puts "a" or "an" in front.
 */
final class Modifiers {
    private Modifiers() {}

    /** The reference without its modifier. */
    static String base(String ref) {
        return ref.endsWith(".a") ? ref.substring(0, ref.length() - 2) : ref;
    }

    /** Applies the modifier of {@code ref}, if any, to its expansion. */
    static String apply(String ref, String text) {
        return ref.endsWith(".a") ? Articles.with(text) : text;
    }
}

package dev.exemplar.generate.template;

/**
 * Modifiers written after a reference: applied where the words are chosen, so no later pass has
 * to repair them. {@code {H.job.a}} puts "a" or "an" in front; {@code {here.pos}} makes a
 * possessive ("the farm's", "the allotments'"). A character's own {@code .pos} field ({@code {H.pos}})
 * is a variable and wins over the modifier, so a narrator's stays "my".
 */
final class Modifiers {
    private Modifiers() {}

    /** The reference without its modifier. */
    static String base(String ref) {
        if (ref.endsWith(".a")) return ref.substring(0, ref.length() - 2);
        if (ref.endsWith(".pos")) return ref.substring(0, ref.length() - 4);
        return ref;
    }

    /** Applies the modifier of {@code ref}, if any, to its expansion. */
    static String apply(String ref, String text) {
        if (ref.endsWith(".a")) return Articles.with(text);
        if (ref.endsWith(".pos")) return text.endsWith("s") ? text + "'" : text + "'s";
        return text;
    }
}

package dev.exemplar.spec;

/** The mix's {@code filters} section: which quality filters run, with their thresholds. */
public record FilterSettings(int minWords, int maxWords, boolean placeholders) {
    public static final FilterSettings DEFAULT = new FilterSettings(80, 3000, true);

    static FilterSettings read(NodeReader r) {
        NodeReader f = r.child("filters");
        NodeReader len = f.child("length");
        int min = (int) len.integer("min_words", 0, 1_000_000, DEFAULT.minWords());
        int max = (int) len.integer("max_words", 1, 10_000_000, DEFAULT.maxWords());
        if (min > max) len.problem("min_words", "must not exceed max_words (" + max + ")");
        len.finish();
        boolean placeholders = f.bool("placeholders", DEFAULT.placeholders());
        f.finish();
        return new FilterSettings(min, max, placeholders);
    }
}

package dev.exemplar.text;

import java.util.Locale;

/**
 * A count with its noun, singular for exactly one: {@code of(1, "file")} is "1 file",
 * {@code of(1200, "document")} is "1,200 documents". Every count a user reads goes through here.
 */
public final class Counts {
    private Counts() {}

    /** The count (grouped in thousands) and the noun, plural by adding "s" unless the count is one. */
    public static String of(long n, String singular) {
        return of(n, singular, singular + "s");
    }

    /** The count and the noun, for nouns whose plural is not made by adding "s" ("entry", "entries"). */
    public static String of(long n, String singular, String plural) {
        return String.format(Locale.ROOT, "%,d %s", n, noun(n, singular, plural));
    }

    /** The noun alone, for a count printed apart from it ("3/10 documents"). */
    public static String noun(long n, String singular) {
        return noun(n, singular, singular + "s");
    }

    /** The noun alone, with an irregular plural. */
    public static String noun(long n, String singular, String plural) {
        return n == 1 ? singular : plural;
    }
}

package dev.exemplar.filter;

import dev.exemplar.doc.Document;

/** Writes filter scores onto a record, rounded to four places so reruns stay byte-identical and compact. */
final class Scores {
    private Scores() {}

    static void put(Document doc, String key, double value) {
        if (Double.isNaN(value)) return;
        doc.scores().put(key, Math.round(value * 10_000) / 10_000.0);
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}

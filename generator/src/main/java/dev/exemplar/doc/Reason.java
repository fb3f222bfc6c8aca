package dev.exemplar.doc;

/**
 * Why a document was excluded: the stage that decided ({@code filter}, {@code dedup},
 * {@code generate}), a stable code for counting ({@code too_short}, {@code near}), a human
 * detail, and for a duplicate the document it repeats and how similar the two are (similarity
 * NaN when not measured). Every excluded record carries its reasons in this one shape; see
 * {@code step.Rejections}.
 */
public record Reason(String stage, String code, String detail, String duplicateOf, double similarity)
        implements java.io.Serializable {
    public Reason(String stage, String code, String detail) {
        this(stage, code, detail, null, Double.NaN);
    }

    /** A dedup stage's reason: the document repeats {@code duplicateOf}. */
    public static Reason duplicate(String stageName, String duplicateOf, double similarity) {
        String detail = "duplicate of " + duplicateOf
                + (Double.isNaN(similarity) ? "" : String.format(java.util.Locale.ROOT, " (similarity %.3f)", similarity));
        return new Reason("dedup", stageName, detail, duplicateOf, similarity);
    }

    /** The key used when counting rejections, e.g. {@code filter/too_short}. */
    public String key() {
        return stage + "/" + code;
    }
}

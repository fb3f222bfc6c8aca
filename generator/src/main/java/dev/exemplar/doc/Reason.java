package dev.exemplar.doc;

/**
 * Why a document was rejected: the stage that decided ({@code filter}, {@code dedup},
 * {@code generate}), a stable code for counting ({@code too_short}), and a human detail.
 */
public record Reason(String stage, String code, String detail) {
    /** The key used when counting rejections, e.g. {@code filter/too_short}. */
    public String key() {
        return stage + "/" + code;
    }
}

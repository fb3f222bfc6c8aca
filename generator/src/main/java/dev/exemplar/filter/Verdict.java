package dev.exemplar.filter;

import dev.exemplar.doc.Reason;

/** A filter's answer for one document: keep, or reject with a reason. */
public record Verdict(Reason reason) {
    public static final Verdict KEEP = new Verdict(null);

    public static Verdict reject(String code, String detail) {
        return new Verdict(new Reason("filter", code, detail));
    }

    public boolean kept() { return reason == null; }
}

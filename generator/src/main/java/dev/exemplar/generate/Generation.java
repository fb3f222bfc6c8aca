package dev.exemplar.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.Reason;
import dev.exemplar.plan.PlannedSample;

/**
 * What a generator produced for one planned sample: the text and its provenance (the record's
 * {@code generator} field), or a failure reason that becomes a rejection.
 */
public record Generation(PlannedSample sample, String text, ObjectNode provenance, Reason failure) {
    public static Generation ok(PlannedSample s, String text, ObjectNode provenance) {
        return new Generation(s, text, provenance, null);
    }

    public static Generation failed(PlannedSample s, ObjectNode provenance, String code, String detail) {
        return new Generation(s, null, provenance, new Reason("generate", code, detail));
    }

    public boolean succeeded() { return failure == null; }
}

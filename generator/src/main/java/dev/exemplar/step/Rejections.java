package dev.exemplar.step;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.Reason;

import java.util.List;

/**
 * The one shape of an excluded record, whichever command wrote it ({@code generate}'s
 * {@code rejected.jsonl}, {@code filter}'s {@code rejected.jsonl}, {@code dedup}'s
 * {@code removed.jsonl}): the record as it was, plus {@code reasons}, a list of
 * {@code {stage, code, detail}} (a duplicate's also {@code duplicate_of} and {@code similarity}),
 * the deciding reason first; and, when the first reason names a duplicate, {@code duplicate_of}
 * at the top level too, for a quick look-up.
 */
public final class Rejections {
    private Rejections() {}

    /** Adds the reasons to the record (in place) and returns it. */
    public static ObjectNode annotate(ObjectNode record, List<Reason> reasons) {
        ArrayNode arr = record.putArray("reasons");
        for (Reason r : reasons) {
            ObjectNode o = arr.addObject().put("stage", r.stage()).put("code", r.code()).put("detail", r.detail());
            if (r.duplicateOf() != null) {
                o.put("duplicate_of", r.duplicateOf());
                if (Double.isNaN(r.similarity())) o.putNull("similarity");
                else o.put("similarity", Math.round(r.similarity() * 10_000) / 10_000.0);
            }
        }
        if (!reasons.isEmpty() && reasons.get(0).duplicateOf() != null) record.put("duplicate_of", reasons.get(0).duplicateOf());
        return record;
    }
}

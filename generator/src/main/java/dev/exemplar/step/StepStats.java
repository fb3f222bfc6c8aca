package dev.exemplar.step;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.Reason;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of one run of a step list: documents in, kept and excluded, exclusions by reason key
 * ({@code filter/too_short}; a document with several reasons counts under each) and by deciding
 * reason (the first; these add up to the excluded count). Statistics of shards or partitions
 * {@link #merge} into those of the whole.
 */
public final class StepStats implements Serializable {
    private long documents, kept, excluded;
    private final Map<String, Long> byReason = new TreeMap<>();
    private final Map<String, Long> byFirstReason = new TreeMap<>();

    /** Counts one decided document. */
    public void count(Document d) {
        documents++;
        if (!d.rejected()) {
            kept++;
            return;
        }
        excluded++;
        var reasons = d.reasons();
        byFirstReason.merge(reasons.get(0).key(), 1L, Long::sum);
        for (Reason r : reasons) byReason.merge(r.key(), 1L, Long::sum);
    }

    public void merge(StepStats o) {
        documents += o.documents;
        kept += o.kept;
        excluded += o.excluded;
        o.byReason.forEach((k, v) -> byReason.merge(k, v, Long::sum));
        o.byFirstReason.forEach((k, v) -> byFirstReason.merge(k, v, Long::sum));
    }

    public long documents() { return documents; }
    public long kept() { return kept; }
    public long excluded() { return excluded; }
    /** Exclusions by every reason a document carries. */
    public Map<String, Long> byReason() { return Map.copyOf(byReason); }
    /** Exclusions by the deciding (first) reason. */
    public Map<String, Long> byFirstReason() { return Map.copyOf(byFirstReason); }

    /** A few lines for the terminal: totals, then every reason with its count and share. */
    public String summary() {
        return summary(documents, kept, excluded, byReason);
    }

    /** The terminal summary of any counts of this shape (the filter runner's too). */
    public static String summary(long seen, long kept, long rejected, Map<String, Long> byReason) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "%s: %,d kept, %,d rejected (%.2f%%)%n", dev.exemplar.text.Counts.of(seen, "document"), kept, rejected,
                seen == 0 ? 0.0 : 100.0 * rejected / seen));
        byReason.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sb.append(String.format(java.util.Locale.ROOT, "  %-36s %,8d  (%.2f%%)%n", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / Math.max(1, seen))));
        return sb.toString();
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("documents", documents).put("kept", kept).put("excluded", excluded);
        byReason.forEach(o.putObject("excluded_by_reason")::put);
        return o;
    }

    @Override
    public boolean equals(Object x) {
        return x instanceof StepStats s && s.documents == documents && s.kept == kept && s.excluded == excluded
                && s.byReason.equals(byReason) && s.byFirstReason.equals(byFirstReason);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(documents * 31 + excluded);
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}

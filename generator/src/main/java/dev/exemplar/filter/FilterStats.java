package dev.exemplar.filter;

import dev.exemplar.text.Counts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a filter run did: documents seen, kept and rejected, rejections by reason key
 * ({@code filter/too_short}; a document with several reasons counts under each), and CPU time
 * spent in each filter (embedding work on the model's own threads is not included).
 */
public final class FilterStats implements java.io.Serializable {
    private long seen, kept, rejected;
    private final Map<String, Long> byReason = new TreeMap<>();
    private final Map<String, Long> nanosByFilter = new LinkedHashMap<>();

    void document(boolean wasRejected) {
        seen++;
        if (wasRejected) rejected++;
        else kept++;
    }

    void reason(String key) {
        byReason.merge(key, 1L, Long::sum);
    }

    void time(String filter, long nanos) {
        nanosByFilter.merge(filter, nanos, Long::sum);
    }

    /** Adds another instance's counts and times (another worker or partition). */
    public void merge(FilterStats o) {
        seen += o.seen;
        kept += o.kept;
        rejected += o.rejected;
        o.byReason.forEach((k, v) -> byReason.merge(k, v, Long::sum));
        o.nanosByFilter.forEach((k, v) -> nanosByFilter.merge(k, v, Long::sum));
    }

    public long seen() { return seen; }
    public long kept() { return kept; }
    public long rejected() { return rejected; }
    public Map<String, Long> byReason() { return Map.copyOf(byReason); }
    /** CPU nanoseconds per filter, in the order the filters first reported (stable across runs). */
    public Map<String, Long> nanosByFilter() { return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nanosByFilter)); }

    /** A few lines for the terminal: totals, then every reason with its count and share. */
    public String summary() {
        return dev.exemplar.step.StepStats.summary(seen, kept, rejected, byReason);
    }
}

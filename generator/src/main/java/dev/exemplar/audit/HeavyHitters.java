package dev.exemplar.audit;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The most repeated items of a stream in bounded memory (Misra-Gries): exact while there are at
 * most {@code capacity} distinct items; beyond that every item repeated more than
 * {@code n / capacity} times is still found, its count short by at most that much. Items are
 * keyed by a 64-bit hash; the text shown is kept only once an item repeats.
 */
final class HeavyHitters {
    private static final class Entry {
        long count;
        String display;
    }

    private final int capacity;
    private final Map<Long, Entry> counts = new HashMap<>();
    private long total;
    private boolean exact = true;

    HeavyHitters(int capacity) {
        this.capacity = capacity;
    }

    void add(long key, Supplier<String> display) {
        total++;
        Entry e = counts.get(key);
        if (e == null) {
            if (counts.size() >= capacity) {
                // Full: take one off every count and forget those that reach zero (most are singletons).
                exact = false;
                counts.values().removeIf(x -> --x.count == 0);
                if (counts.size() >= capacity) return;
            }
            e = new Entry();
            counts.put(key, e);
        }
        e.count++;
        if (e.count == 2 && e.display == null) e.display = display.get();
    }

    /** Whether every count is exact (no item was ever dropped). */
    boolean exact() { return exact; }

    /** Items seen at least twice, most frequent first, then by text. */
    List<AuditReport.Repeat> top(int n, long documents) {
        return counts.values().stream().filter(e -> e.count > 1 && e.display != null)
                .sorted(Comparator.comparingLong((Entry e) -> -e.count).thenComparing(e -> e.display))
                .limit(n)
                .map(e -> new AuditReport.Repeat(e.display, e.count, Diversity.share(e.count, documents)))
                .toList();
    }

    long total() { return total; }
}

package dev.exemplar.plan;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The deterministic plan of a run: exact counts per archetype x format x generator cell, and the
 * cell of every base index. The index order is computed only when first asked for, so a plan of a
 * billion documents costs its counts and nothing more until a run walks it (see {@link CellOrder}).
 */
public final class Plan {
    /** One stratum of the plan. */
    public record Cell(String archetype, String format, String generator) {}

    private final long seed;
    private final Map<Cell, Long> counts;
    private final long estimatedTokens;
    private final boolean byTokens;
    private final long size;
    private final long shuffleSeed;
    private final List<Cell> keys;
    private volatile CellOrder order;

    /**
     * @param counts      exact documents per cell, in the order cells are laid out before shuffling
     * @param shuffleSeed seed of the index order
     */
    Plan(long seed, Map<Cell, Long> counts, long estimatedTokens, boolean byTokens, long shuffleSeed) {
        this.seed = seed;
        this.counts = Collections.unmodifiableMap(counts);
        this.estimatedTokens = estimatedTokens;
        this.byTokens = byTokens;
        this.shuffleSeed = shuffleSeed;
        this.keys = List.copyOf(counts.keySet());
        long n = 0;
        for (long c : counts.values()) n += c;
        this.size = n;
    }

    public long seed() { return seed; }

    public Map<Cell, Long> counts() { return counts; }

    public long estimatedTokens() { return estimatedTokens; }

    public boolean byTokens() { return byTokens; }

    /** Base documents planned (in a tokens plan, the estimate the plan cycles through). */
    public long size() { return size; }

    /** The cell of base index {@code index} (0 ≤ index < size). */
    public Cell cell(long index) {
        CellOrder o = order;
        if (o == null) {
            synchronized (this) {
                if (order == null) order = CellOrder.of(new ArrayList<>(counts.values()), shuffleSeed);
                o = order;
            }
        }
        return keys.get(o.cellAt(index));
    }

    /** The cells of the base indexes as a list view (for plans of up to {@link Integer#MAX_VALUE} documents). */
    public List<Cell> cells() {
        if (size > Integer.MAX_VALUE) throw new IllegalStateException("a plan of " + size + " documents has no list view");
        return new AbstractList<>() {
            @Override public Cell get(int i) {
                if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
                return cell(i);
            }
            @Override public int size() { return (int) size; }
        };
    }
}

package dev.exemplar.plan;

import java.util.List;
import java.util.Map;

/**
 * The deterministic plan of a run: one planned sample per index, with exact counts per
 * archetype x format x generator cell.
 *
 * @param cells the cell of every base index, in index order
 */
public record Plan(long seed, List<Cell> cells, Map<Cell, Long> counts, long estimatedTokens, boolean byTokens) {
    /** One stratum of the plan. */
    public record Cell(String archetype, String format, String generator) {}

    public int size() { return cells.size(); }
}

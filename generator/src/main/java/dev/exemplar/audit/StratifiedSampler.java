package dev.exemplar.audit;

import dev.exemplar.plan.Seeds;
import dev.exemplar.text.Shingles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Draws a stratified sample in one pass: every document gets a priority from a hash of
 * (seed, id), each stratum keeps its lowest priorities, and the requested total is split as
 * evenly as the strata allow. The same seed gives the same sample whatever the file order.
 *
 * @param <T> what is kept for a sampled document
 */
public final class StratifiedSampler<T> {
    private final int total;
    private final long seed;
    private final Map<String, PriorityQueue<Entry<T>>> kept = new TreeMap<>();
    private final Map<String, Long> sizes = new TreeMap<>();

    private record Entry<T>(long priority, T value) {}

    public StratifiedSampler(int total, long seed) {
        this.total = total;
        this.seed = seed;
    }

    /** Offers one document; {@code make} builds the kept value only if the document may be drawn. */
    public <S> void offer(String stratum, String id, S source, Function<S, T> make) {
        sizes.merge(stratum, 1L, Long::sum);
        if (total <= 0) return;
        long p = Seeds.mix(seed ^ Shingles.hash(id));
        // A max-heap of the `total` lowest priorities: no stratum can be given more than that.
        PriorityQueue<Entry<T>> q = kept.computeIfAbsent(stratum,
                k -> new PriorityQueue<>(Comparator.comparingLong((Entry<T> e) -> e.priority).reversed()));
        if (q.size() < total) {
            q.add(new Entry<>(p, make.apply(source)));
        } else if (p < q.peek().priority) {
            q.poll();
            q.add(new Entry<>(p, make.apply(source)));
        }
    }

    /** The sample: stratum key to its documents, strata in key order, and every stratum's size. */
    public List<Drawn<T>> draw() {
        Map<String, Integer> quota = quotas();
        List<Drawn<T>> out = new ArrayList<>();
        for (var e : sizes.entrySet()) {
            List<Entry<T>> es = new ArrayList<>(kept.getOrDefault(e.getKey(), new PriorityQueue<>()));
            es.sort(Comparator.comparingLong(Entry::priority));
            int q = quota.getOrDefault(e.getKey(), 0);
            out.add(new Drawn<>(e.getKey(), e.getValue(), es.subList(0, Math.min(q, es.size())).stream().map(Entry::value).toList()));
        }
        return out;
    }

    public record Drawn<T>(String stratum, long size, List<T> docs) {}

    /** Even split of {@code total}, capped by stratum size; what a small stratum cannot take goes to the others. */
    private Map<String, Integer> quotas() {
        Map<String, Integer> quota = new TreeMap<>();
        sizes.keySet().forEach(k -> quota.put(k, 0));
        int left = total;
        boolean progress = true;
        while (left > 0 && progress) {
            progress = false;
            for (var e : sizes.entrySet()) {
                if (left == 0) break;
                int q = quota.get(e.getKey());
                if (q < e.getValue()) {
                    quota.put(e.getKey(), q + 1);
                    left--;
                    progress = true;
                }
            }
        }
        return quota;
    }
}

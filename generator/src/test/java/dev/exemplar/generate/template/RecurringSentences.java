package dev.exemplar.generate.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts sentences that recur across the documents of a group (an archetype, a format) and lists
 * those found in more than a share of the group's documents: the shared check of the stock-line,
 * stock-speech and closing-line tests.
 */
final class RecurringSentences {
    private final Map<String, Integer> documents = new HashMap<>();
    private final Map<String, Map<String, Integer>> counts = new HashMap<>();

    /** Adds one document of {@code group}; each sentence counts as often as the collection holds it. */
    void add(String group, Collection<String> sentences) {
        documents.merge(group, 1, Integer::sum);
        Map<String, Integer> c = counts.computeIfAbsent(group, k -> new HashMap<>());
        for (String s : sentences) c.merge(s, 1, Integer::sum);
    }

    /** How many distinct sentences were counted, over all groups. */
    int distinct() {
        return counts.values().stream().mapToInt(Map::size).sum();
    }

    /** The largest share of a group's documents that one sentence reached. */
    double worstShare() {
        double worst = 0;
        for (var e : counts.entrySet())
            for (int k : e.getValue().values()) worst = Math.max(worst, k / (double) documents.get(e.getKey()));
        return worst;
    }

    /** "count/documents group: sentence" for every sentence above {@code maxShare}, most frequent first. */
    List<String> above(double maxShare) {
        List<String> bad = new ArrayList<>();
        counts.forEach((group, c) -> {
            int n = documents.get(group);
            c.forEach((s, k) -> {
                if (k > maxShare * n) bad.add(k + "/" + n + " " + group + ": " + s);
            });
        });
        bad.sort(Comparator.reverseOrder());
        return bad;
    }
}

package dev.exemplar.spark;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.List;

/**
 * Connected components of an undirected graph on {@code long} node ids by the alternating
 * large-star / small-star rounds of Kiveris et al. ("Connected Components in MapReduce and
 * Beyond", 2014): each round is two shuffles of the edge list, the number of rounds grows with
 * the logarithm of the largest component, and at the end every node points at the smallest id of
 * its component. Near-duplicate graphs are small, shallow stars, so a few rounds suffice.
 */
public final class ConnectedComponents {
    private ConnectedComponents() {}

    /** (node, smallest node of its component) for every node that has an edge. */
    public static JavaPairRDD<Long, Long> of(JavaPairRDD<Long, Long> edges) {
        JavaPairRDD<Long, Long> e = edges.filter(t -> !t._1().equals(t._2())).mapToPair(ConnectedComponents::ordered).distinct();
        e.persist(StorageLevel.MEMORY_AND_DISK());
        for (int round = 0; round < 64; round++) {
            JavaPairRDD<Long, Long> next = smallStar(largeStar(e));
            next.persist(StorageLevel.MEMORY_AND_DISK());
            next.rdd().localCheckpoint();
            boolean same = next.subtract(e).isEmpty() && e.subtract(next).isEmpty();
            // The previous round stays cached: it is locally checkpointed, so it cannot be recomputed.
            e = next;
            if (same) break;
        }
        // Every edge is now (node, its component's minimum); minima map to themselves.
        return e.union(e.values().distinct().mapToPair(m -> new Tuple2<>(m, m))).reduceByKey(Math::min);
    }

    /** Edges as (larger, smaller). */
    private static Tuple2<Long, Long> ordered(Tuple2<Long, Long> t) {
        return t._1() > t._2() ? t : new Tuple2<>(t._2(), t._1());
    }

    /** Each node links its larger neighbours to the smallest of its neighbourhood (itself included). */
    private static JavaPairRDD<Long, Long> largeStar(JavaPairRDD<Long, Long> e) {
        return e.flatMapToPair(t -> List.of(t, new Tuple2<>(t._2(), t._1())).iterator())
                .groupByKey()
                .flatMapToPair(g -> {
                    long u = g._1();
                    long m = u;
                    for (long v : g._2()) m = Math.min(m, v);
                    List<Tuple2<Long, Long>> out = new ArrayList<>();
                    for (long v : g._2()) if (v > u) out.add(ordered(new Tuple2<>(v, m)));
                    return out.iterator();
                })
                .filter(t -> !t._1().equals(t._2()))
                .distinct();
    }

    /** Each node links itself and its smaller neighbours to the smallest of them. */
    private static JavaPairRDD<Long, Long> smallStar(JavaPairRDD<Long, Long> e) {
        // e holds (larger, smaller): group each node's smaller neighbours.
        return e.groupByKey()
                .flatMapToPair(g -> {
                    long u = g._1();
                    long m = u;
                    for (long v : g._2()) m = Math.min(m, v);
                    List<Tuple2<Long, Long>> out = new ArrayList<>();
                    for (long v : g._2()) if (v != m) out.add(ordered(new Tuple2<>(v, m)));
                    if (u != m) out.add(ordered(new Tuple2<>(u, m)));
                    return out.iterator();
                })
                .distinct();
    }
}

package dev.exemplar.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import java.util.Map;

/** One local[2] session on loopback for every Spark test of the JVM: starting Spark is the slow part. */
final class LocalSpark {
    private static SparkSession session;

    private LocalSpark() {}

    static synchronized JavaSparkContext context() {
        if (session == null) {
            session = Sessions.create("local[2]", Map.of("spark.default.parallelism", "2"));
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return JavaSparkContext.fromSparkContext(session.sparkContext());
    }
}

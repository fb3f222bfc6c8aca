package dev.exemplar.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

import java.util.Map;

/** The Spark session of a job: the master, the user's --conf settings, and quiet defaults for local mode. */
public final class Sessions {
    private Sessions() {}

    /**
     * @param master {@code local[*]}, {@code local[2]}, {@code spark://host:7077}, {@code yarn}, {@code k8s://...};
     *               null when spark-submit already set it
     */
    /** A session to use and whether this job started it (and so stops it). */
    public record Handle(SparkSession session, boolean started) implements AutoCloseable {
        @Override
        public void close() {
            if (started) session.stop();
        }
    }

    /** The session already running in this JVM (a test's, a notebook's), or a new one. */
    public static Handle open(String master, Map<String, String> conf) {
        var active = SparkSession.getDefaultSession();
        if (active.isDefined()) return new Handle(active.get(), false);
        return new Handle(create(master, conf), true);
    }

    public static SparkSession create(String master, Map<String, String> conf) {
        SparkConf c = new SparkConf().setAppName("exemplar");
        if (master != null) c.setMaster(master);
        boolean local = master != null && master.startsWith("local");
        if (local) {
            // One machine: stay on loopback and skip the web UI.
            c.setIfMissing("spark.driver.host", "127.0.0.1");
            c.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            c.setIfMissing("spark.ui.enabled", "false");
        }
        // Java serialisation (Spark's default): the jobs' rows are Java records, which the Kryo
        // that Spark bundles cannot build.
        conf.forEach(c::set);
        return SparkSession.builder().config(c).getOrCreate();
    }
}

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

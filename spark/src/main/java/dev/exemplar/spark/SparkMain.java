package dev.exemplar.spark;

/**
 * Entry point of {@code ./exemplar-spark} and of the job jar under {@code spark-submit}: the
 * CLI's generate, filter and dedup commands as Spark jobs (see {@code dev.exemplar.cli.SparkCli}).
 */
public final class SparkMain {
    private SparkMain() {}

    public static void main(String[] args) {
        // Under spark-submit the master is set already; the launcher runs local[*] unless told otherwise.
        String master = System.getProperty("spark.master") != null ? null : "local[*]";
        int code = dev.exemplar.cli.SparkCli.run(master, args);
        System.exit(code);
    }
}

package dev.exemplar.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaPairRDD;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Iterator;
import java.util.List;

/**
 * Writes lines sorted by their order key as {@code part-00000.jsonl}, {@code part-00001.jsonl},
 * ... in a directory (through Hadoop's file system API, so HDFS and object stores work too): the
 * directory read in name order is the lines in order. Empty partitions write no file.
 */
public final class PartFiles {
    private PartFiles() {}

    /** Sorts by key into {@code partitions} ranges and writes one part file per non-empty range. */
    public static void write(JavaPairRDD<Long, byte[]> lines, String dir, int partitions) {
        try {
            // The directory exists even when nothing goes in it, as an empty file would on one machine.
            org.apache.hadoop.fs.Path d = new org.apache.hadoop.fs.Path(URI.create(dir));
            d.getFileSystem(new Configuration()).mkdirs(d);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        lines.sortByKey(true, Math.max(1, partitions)).values()
                .mapPartitionsWithIndex((index, it) -> {
                    if (it.hasNext()) writePart(dir, index, it);
                    return List.<Integer>of().iterator();
                }, true)
                .count();
    }

    private static void writePart(String dir, int index, Iterator<byte[]> lines) {
        URI uri = URI.create(dir.endsWith("/") ? dir : dir + "/");
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(uri.resolve(String.format("part-%05d.jsonl", index)));
        try {
            FileSystem fs = file.getFileSystem(new Configuration());
            try (FSDataOutputStream out = fs.create(file, true)) {
                while (lines.hasNext()) {
                    out.write(lines.next());
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

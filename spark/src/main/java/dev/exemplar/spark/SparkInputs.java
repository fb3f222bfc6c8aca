package dev.exemplar.spark;

import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * JSONL files (plain or gzipped, through Hadoop's text input, so any file system Spark reads) as
 * an RDD of {@link InputLine}s that know their order: files in the order given, lines in file
 * order, blank lines dropped. Lines are read as bytes, so invalid UTF-8 is reported, not replaced.
 */
public final class SparkInputs {
    private SparkInputs() {}

    public static JavaRDD<InputLine> read(JavaSparkContext sc, List<Path> files) {
        List<JavaRDD<Tuple2<Integer, byte[]>>> perFile = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            int file = i;
            perFile.add(sc.hadoopFile(files.get(i).toUri().toString(), TextInputFormat.class, LongWritable.class, Text.class)
                    // Hadoop reuses its Text objects: copy each line's bytes out.
                    .map(t -> new Tuple2<>(file, Arrays.copyOf(t._2().getBytes(), t._2().getLength()))));
        }
        if (perFile.isEmpty()) return sc.emptyRDD();
        @SuppressWarnings("unchecked")
        JavaRDD<Tuple2<Integer, byte[]>> all = perFile.size() == 1 ? perFile.get(0)
                : sc.union(perFile.toArray(new JavaRDD[0]));
        // The union keeps partitions in file order, so a global index is file order then line order.
        JavaPairRDD<Tuple2<Integer, byte[]>, Long> indexed = all.zipWithIndex();
        Map<Integer, Long> firstIndex = indexed.mapToPair(t -> new Tuple2<>(t._1()._1(), t._2()))
                .reduceByKey(Math::min).collectAsMap();
        List<String> names = files.stream().map(Path::toString).toList();
        return indexed
                .filter(t -> !blank(t._1()._2()))
                .zipWithIndex()
                .map(t -> {
                    int file = t._1()._1()._1();
                    long lineNo = t._1()._2() - firstIndex.get(file) + 1;
                    return new InputLine(t._2(), names.get(file), lineNo, t._1()._1()._2());
                });
    }

    private static boolean blank(byte[] b) {
        return dev.exemplar.doc.JsonlReader.isBlank(b, 0, b.length);
    }
}

// MiniLM as LangChain4j runs it by default (an unbounded pool, each text on a multi-threaded ONNX
// session) against the tier's own session (one ONNX thread per text, one text per core), on the
// same template documents, alternating, three rounds (issue 16). Run from the project root after
// a build:
//   java -XX:+UseParallelGC -cp "generator/target/exemplar.jar:generator/target/lib/*" bench/MiniLmSessionBench.java \
//       RUN_DIR/data/part-00000.jsonl [docs]
// Prints wall and process CPU seconds per round and checks that the vectors are identical.
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import dev.exemplar.embed.Embedder;
import dev.exemplar.embed.TextEmbedder;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public class MiniLmSessionBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        ObjectMapper m = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            texts.add(m.readTree(line).get("text").asText());
            if (texts.size() == n) break;
        }
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var langchain = new AllMiniLmL6V2QuantizedEmbeddingModel();
        Embedder ours = Embedder.shared();
        List<TextSegment> segs = texts.stream().map(TextSegment::from).toList();
        for (int round = 1; round <= 3; round++) {
            long w = System.nanoTime(), c = os.getProcessCpuTime();
            var a = langchain.embedAll(segs).content();
            report(round, "langchain4j default", texts.size(), w, c, os);
            w = System.nanoTime(); c = os.getProcessCpuTime();
            var b = ours.embedAll(texts);
            report(round, "one ONNX thread per text", texts.size(), w, c, os);
            for (int i = 0; i < a.size(); i++) {
                float[] x = TextEmbedder.unit(a.get(i).vector()), y = b.get(i);
                if (!Arrays.equals(x, y)) throw new AssertionError("vectors differ at document " + i);
            }
        }
        System.out.println("vectors identical on every document");
        System.exit(0);
    }

    static void report(int round, String what, int n, long w, long c, OperatingSystemMXBean os) {
        double wall = (System.nanoTime() - w) / 1e9, cpu = (os.getProcessCpuTime() - c) / 1e9;
        System.out.printf("round %d  %-26s %d docs: %6.2f s wall, %6.2f CPU-s, %5.1f docs/s, %5.1f CPU-ms/doc%n",
                round, what, n, wall, cpu, n / wall, 1000 * cpu / n);
    }
}

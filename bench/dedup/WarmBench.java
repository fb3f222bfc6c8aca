import dev.exemplar.dedup.DedupChain;
import dev.exemplar.dedup.DedupRunner;
import dev.exemplar.dedup.DedupStages;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.spec.DedupSettings;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Single-thread dedup cost, cold and warm: runs exact + near dedup (`--threads 1`) over the same
 * corpus three times in one JVM and prints, per run, the CPU time of the one thread doing all the
 * work (read, parse, hash, decide, write) beside wall time and whole-process CPU. On a shared
 * machine the thread's CPU time is the figure that says what one core does.
 *
 *   java -Xmx1g -cp "generator/target/exemplar.jar:generator/target/lib/*" bench/dedup/WarmBench.java CORPUS.jsonl
 */
public class WarmBench {
    public static void main(String[] args) throws Exception {
        ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        Path out = Files.createTempDirectory("warm-bench");
        for (int run = 0; run < 3; run++) {
            long c0 = tm.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            try (DedupChain chain = DedupStages.fromSettings(DedupSettings.DEFAULT, out)) {
                var s = new DedupRunner(chain, new DedupRunner.Options(1, 256, BadLinePolicy.FAIL, false, true), m -> {})
                        .run(List.of(Path.of(args[0])), List.of(), out);
                double cpu = (tm.getCurrentThreadCpuTime() - c0) / 1e9;
                System.out.printf("run %d (%s): %,d docs; thread CPU %.2f s -> %,.0f docs per CPU s; wall %.2f s; process CPU %.2f s%n",
                        run + 1, run == 0 ? "cold" : "warm", s.documents(), cpu, s.documents() / cpu,
                        (System.nanoTime() - w0) / 1e9, s.cpuSeconds());
            }
        }
    }
}

import dev.exemplar.dedup.DedupChain;
import dev.exemplar.dedup.DedupRunner;
import dev.exemplar.dedup.DedupStages;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Json;
import dev.exemplar.embed.Embedder;
import dev.exemplar.spec.DedupSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Semantic dedup throughput against the bare embedding model on the same texts.
 *
 *   java -cp "generator/target/exemplar.jar:generator/target/lib/*" bench/dedup/SemanticBench.java CORPUS.jsonl [N]
 *
 * Bare: Embedder.embedAll over the first N texts in batches of 1024 (the runner's batch size).
 * Stage: `exemplar dedup --semantic` on the same N records (exact + near + semantic, read, write),
 * one batch at a time like the bare run. Both after the same warm-up. Prints docs/s for each and
 * the ratio.
 */
public class SemanticBench {
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        List<String> lines = new ArrayList<>();
        try (var r = Files.newBufferedReader(corpus)) {
            String l;
            while (lines.size() < n && (l = r.readLine()) != null) lines.add(l);
        }
        List<String> texts = new ArrayList<>();
        for (String l : lines) texts.add(Json.MAPPER.readTree(l).get("text").asText());
        Embedder e = Embedder.shared();
        e.embedAll(texts.subList(0, Math.min(200, texts.size())));  // warm-up: load, JIT, ONNX session

        long t0 = System.nanoTime();
        for (int i = 0; i < texts.size(); i += 1024) e.embedAll(texts.subList(i, Math.min(texts.size(), i + 1024)));
        double bare = texts.size() / ((System.nanoTime() - t0) / 1e9);

        Path dir = Files.createTempDirectory("semantic-bench");
        Path in = dir.resolve("in.jsonl");
        Files.write(in, lines);
        var settings = new DedupSettings(true, DedupSettings.Near.DEFAULT, DedupSettings.Semantic.of(true, dev.exemplar.embed.EmbeddingTier.MINILM),
                DedupSettings.Decontaminate.NONE);
        long t1 = System.nanoTime();
        DedupRunner.Summary s;
        try (DedupChain chain = DedupStages.fromSettings(settings, dir)) {
            s = new DedupRunner(chain, new DedupRunner.Options(1, 1024, BadLinePolicy.FAIL, false, true), m -> {})
                    .run(List.of(in), List.of(), dir.resolve("out"));
        }
        double stage = texts.size() / ((System.nanoTime() - t1) / 1e9);
        System.out.printf("documents %d%nbare embedding   %.1f docs/s%nsemantic dedup   %.1f docs/s (exact+near+semantic, read+write; removed %s)%nratio            %.3f%n",
                texts.size(), bare, stage, s.removedByStage(), stage / bare);
    }
}

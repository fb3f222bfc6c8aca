// Speed of the two embedding tiers, side by side (issue 16). Run from the project root after a build:
//   java -XX:+UseParallelGC -cp "generator/target/exemplar.jar:generator/target/lib/*" bench/EmbeddingTierBench.java \
//       RUN_DIR_OR_JSONL [minilmDocs]
// The input is template output (an `exemplar generate` run directory or a JSONL file of its
// records). Prints, each measured in this JVM:
//   - loading the static model from the cache (file read, checksum, tables), cold;
//   - embedding speed of each tier on the same documents: static on one thread (docs per
//     CPU-second), MiniLM as LangChain4j runs it (docs per wall-clock second; its ONNX session
//     uses every core);
//   - every cheap filter on the template records with `filters.embeddings` at its default
//     (static for template documents, MiniLM where in doubt) and with `minilm`, docs per
//     wall-clock second, and how many documents went to MiniLM.
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.JsonlReader;
import dev.exemplar.embed.EmbeddingModels;
import dev.exemplar.embed.EmbeddingTier;
import dev.exemplar.embed.StaticModelStore;
import dev.exemplar.filter.DocumentFilter;
import dev.exemplar.filter.FilterRunner;
import dev.exemplar.filter.Filters;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.FilterSettings;
import dev.exemplar.spec.ModelSettings;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

public class EmbeddingTierBench {
    public static void main(String[] args) throws Exception {
        var mx = ManagementFactory.getThreadMXBean();
        long w0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
        var staticTier = EmbeddingModels.shared().staticTier();
        System.out.printf("static model loaded from %s: %.0f ms wall, %.0f ms CPU (cold JVM: file read, SHA-256 check, tables)%n",
                StaticModelStore.defaultFile(), (System.nanoTime() - w0) / 1e6, (mx.getCurrentThreadCpuTime() - c0) / 1e6);

        Path in = Path.of(args[0]);
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(in)) {
            try (Stream<Path> s = Files.list(in.resolve("data"))) {
                s.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(files::add);
            }
        } else {
            files.add(in);
        }
        int limit = Integer.getInteger("docs", 10_000);
        List<ObjectNode> records = new ArrayList<>();
        new JsonlReader(BadLinePolicy.FAIL, s -> {}).read(files, d -> {
            if (records.size() < limit) records.add(d.record());
        });
        List<String> texts = records.stream().map(r -> r.get("text").asText()).toList();
        int minilmDocs = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        System.out.printf("documents: %,d template records (%,d for MiniLM)%n", texts.size(), Math.min(minilmDocs, texts.size()));

        for (String t : texts.subList(0, Math.min(2000, texts.size()))) staticTier.embed(t); // JIT warm-up
        double bestStatic = 0;
        for (int pass = 0; pass < 3; pass++) {
            long c = mx.getCurrentThreadCpuTime();
            for (String t : texts) staticTier.embed(t);
            bestStatic = Math.max(bestStatic, texts.size() / ((mx.getCurrentThreadCpuTime() - c) / 1e9));
        }
        var minilm = EmbeddingModels.shared().minilm();
        List<String> sample = texts.subList(0, Math.min(minilmDocs, texts.size()));
        minilm.embedAll(sample.subList(0, Math.min(32, sample.size())));
        long t0 = System.nanoTime();
        for (int i = 0; i < sample.size(); i += 256) minilm.embedAll(sample.subList(i, Math.min(sample.size(), i + 256)));
        double minilmRate = sample.size() / ((System.nanoTime() - t0) / 1e9);
        System.out.println("| tier | embedding speed | filters (tropes, adherence and the cheap ones) on template records | documents sent to MiniLM |");
        System.out.println("|---|---|---|---|");

        Catalog catalog = Catalog.load(Catalog.findRoot(Path.of("")));
        double[] tiered = filters(records, catalog, FilterSettings.DEFAULT);
        double[] full = filters(records.subList(0, sample.size()), catalog, FilterSettings.DEFAULT.withEmbeddings(
                FilterSettings.Embeddings.all(dev.exemplar.embed.EmbeddingPolicy.MINILM)));
        System.out.printf("| static (default for template documents) | %,.0f docs per CPU-second, one thread | %,.0f docs/s wall | %,d of %,d |%n",
                bestStatic, tiered[0], (long) tiered[1], records.size());
        System.out.printf("| minilm | %,.1f docs/s wall, all cores | %,.1f docs/s wall | %,d of %,d |%n",
                minilmRate, full[0], (long) full[1], sample.size());
    }

    /** Every cheap filter over the records in batches of 256: docs/s wall and documents scored by MiniLM. */
    static double[] filters(List<ObjectNode> records, Catalog catalog, FilterSettings settings) {
        List<DocumentFilter> filters = Filters.build(settings, catalog, true, ModelSettings.NONE, s -> null);
        FilterRunner runner = new FilterRunner(filters);
        // Train the models of both tiers before timing: a run does it once at start-up.
        Document foreign = doc(records.get(0), 0);
        foreign.record().remove("generator");
        runner.apply(new ArrayList<>(List.of(doc(records.get(0), 0), foreign)));
        long t0 = System.nanoTime();
        long escalated = 0;
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            batch.add(doc(records.get(i), i));
            if (batch.size() == 256 || i == records.size() - 1) {
                runner.apply(batch);
                for (Document d : batch) if ("minilm".equals(d.scores().path("embed_tier").asText())) escalated++;
                batch = new ArrayList<>();
            }
        }
        return new double[] {records.size() / ((System.nanoTime() - t0) / 1e9), escalated};
    }

    static Document doc(ObjectNode r, int i) {
        ObjectNode c = r.deepCopy();
        c.remove("scores");
        return new Document(c, i);
    }
}

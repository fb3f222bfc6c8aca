package dev.exemplar.generate.template;

import dev.exemplar.plan.AttributeSampler;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.plan.Seeds;
import dev.exemplar.spec.Catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Throughput of template generation alone (no filters, dedup or writing): plans samples evenly over
 * every archetype and format, warms up on the first 20,000 of them (printed separately), then renders
 * all of them on all cores and prints documents per second, by wall clock and per CPU-second of the
 * process (JIT and GC threads included). Run with {@code bench/template_throughput.sh [DOCS]}.
 *
 * <p>With {@code --mix FILE --docs N --out FILE.jsonl} it instead renders exactly the samples
 * {@code exemplar generate} would plan for that mix (generator output before filters and dedup)
 * and writes them as JSONL for {@code bench/template_stats.py}.
 */
public final class TemplateBenchmark {
    /** The JIT needs about this many documents before the scanners and Freemarker run at full speed. */
    private static final int WARM_UP_DOCS = 20_000;

    private TemplateBenchmark() {}

    public static void main(String[] args) throws java.io.IOException {
        if (args.length > 0 && args[0].equals("--mix")) {
            dump(Path.of(args[1]), Long.parseLong(args[3]), Path.of(args[5]));
            return;
        }
        int docs = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Catalog catalog = Catalog.load(Catalog.locate(null, null));
        TemplateGenerator gen = new TemplateGenerator(catalog);
        AttributeSampler sampler = AttributeSampler.of(catalog);
        List<String> arch = new ArrayList<>(catalog.archetypes().keySet());
        List<String> fmts = new ArrayList<>(catalog.formats().keySet());
        List<PlannedSample> samples = new ArrayList<>(docs);
        for (int i = 0; i < docs; i++) {
            samples.add(sampler.sample(i, Seeds.id(42, i), Seeds.forSample(42, i),
                    catalog.archetypes().get(arch.get(i % arch.size())),
                    catalog.formats().get(fmts.get((i / arch.size()) % fmts.size())), "template"));
        }
        int threads = Runtime.getRuntime().availableProcessors();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        // Warm-up (JIT compilation, template cache), reported separately: a short run sees about this rate.
        int warm = Math.min(docs, WARM_UP_DOCS);
        long warmCpu0 = os.getProcessCpuTime();
        long warm0 = System.nanoTime();
        run(gen, samples.subList(0, warm));
        double warmSecs = (System.nanoTime() - warm0) / 1e9;
        System.out.printf("warm-up: %d docs in %.2f s wall = %.0f docs/s, %.0f docs per CPU-second (JIT compiling)%n",
                warm, warmSecs, warm / warmSecs, warm / ((os.getProcessCpuTime() - warmCpu0) / 1e9));
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        long words = run(gen, samples);
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpuSecs = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf("template generation: %d docs in %.2f s wall on %d threads = %.0f docs/s (%.0f words/s)%n",
                docs, secs, threads, docs / secs, words / secs);
        // On a shared machine the wall clock depends on other load; CPU time does not.
        System.out.printf("CPU time %.2f s = %.0f docs per CPU-second; on %d otherwise idle cores: %.0f docs/s; load average %.1f%n",
                cpuSecs, docs / cpuSecs, threads, threads * docs / cpuSecs, os.getSystemLoadAverage());
    }

    /** Renders the planned samples of a mix, in plan order, to a JSONL file. */
    static void dump(Path mixFile, long docs, Path out) throws java.io.IOException {
        Catalog catalog = Catalog.load(Catalog.locate(null, null));
        dev.exemplar.spec.Mix mix = catalog.loadMix(mixFile);
        dev.exemplar.plan.Planner planner = new dev.exemplar.plan.Planner(catalog);
        dev.exemplar.plan.Plan plan = planner.plan(mix, docs);
        TemplateGenerator gen = new TemplateGenerator(catalog);
        try (var w = java.nio.file.Files.newBufferedWriter(out)) {
            for (int i = 0; i < plan.size(); i++) {
                PlannedSample s = planner.sample(plan, i);
                var g = gen.generate(s);
                if (!g.succeeded()) throw new IllegalStateException(g.failure().detail());
                var r = dev.exemplar.doc.Json.MAPPER.createObjectNode();
                r.put("index", i).put("text", g.text()).put("archetype", s.archetype()).put("format", s.format())
                        .put("words", dev.exemplar.text.WordCounter.count(g.text()));
                var a = r.putObject("attributes");
                a.put("crisis", s.crisis()).put("setting", s.setting());
                a.putObject("ai").put("name", s.ai().name()).put("role", s.ai().role());
                w.write(dev.exemplar.doc.Json.MAPPER.writeValueAsString(r));
                w.write('\n');
            }
        }
        System.out.println("wrote " + plan.size() + " generated documents to " + out);
    }

    private static long run(TemplateGenerator gen, List<PlannedSample> samples) {
        AtomicLong words = new AtomicLong();
        IntStream.range(0, samples.size()).parallel().forEach(i -> {
            var g = gen.generate(samples.get(i));
            if (!g.succeeded()) throw new IllegalStateException(g.failure().detail());
            words.addAndGet(g.text().length() / 6);
        });
        return words.get();
    }
}

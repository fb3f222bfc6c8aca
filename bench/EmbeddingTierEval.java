// The two embedding tiers side by side on what the filters use embeddings for (issue 16).
// Run from the project root after a build (./mvnw -B -q -DskipTests package):
//   java -cp "generator/target/exemplar.jar:generator/target/lib/*" bench/EmbeddingTierEval.java \
//       [-Dhalves=dev|held-out|dev,held-out] [-Dnarrative=dev|test|dev,test] [-Dwritten=true] \
//       [-Dlabelled=false] [-Dtemplate=RUN_DIR] [-Dlimit=N]
//
// Labelled sets: the four target persona files of ../shared/evaldata/anthropic-evals/persona
// (split into halves by the MD5 rule of bench/PersonaSplit.java; tune only on dev), the
// classics-dev excerpts (a development set), the narrative passages of bench/evaldata/narrative-v1
// (dev is the scorer's training data, so its figure is in-sample; test is held out: every look is
// counted in docs/BENCHMARKS.md) and with -Dwritten=true the written-v2 statements (never tuned
// on). For each: ROC AUC of the trope risk with MiniLM for every text, with the static tier for
// every text, and through the filters as `filters.embeddings: static` runs them (static first,
// MiniLM where the static score is in doubt), plus the share of texts that went to MiniLM and how
// many threshold decisions differ from MiniLM's. The threshold is the default filters' max_risk.
//
// With -Dtemplate=RUN_DIR (a finished `exemplar generate` run of template documents made with
// filters.embeddings=minilm, its shards and rejected.jsonl): trope and adherence decisions of the
// static tier and of the tiered filters against MiniLM's on the same documents, the share sent to
// MiniLM, and the extremes of the static scores.
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.Json;
import dev.exemplar.embed.EmbeddingModels;
import dev.exemplar.embed.EmbeddingTier;
import dev.exemplar.filter.AdherenceFilter;
import dev.exemplar.filter.EmbeddingTiers;
import dev.exemplar.filter.LabelledData;
import dev.exemplar.filter.Metrics;
import dev.exemplar.filter.TropeFilter;
import dev.exemplar.filter.TropeModel;
import dev.exemplar.filter.TropeModels;
import dev.exemplar.filter.TropeScorer;
import dev.exemplar.filter.TropeSetup;
import dev.exemplar.spec.FilterSettings;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

public class EmbeddingTierEval {
    static final EmbeddingModels MODELS = EmbeddingModels.shared();
    static TropeSetup setup;
    static TropeModel staticModel, minilmModel;

    public static void main(String[] args) throws Exception {
        setup = TropeSetup.load(null, null, EmbeddingTier.MINILM);
        minilmModel = setup.scorer().model(EmbeddingTier.MINILM);
        staticModel = TropeModel.forCatalog(setup.catalog(), setup.lexicon(), MODELS.staticTier());
        threshold = setup.settings().tropes().maxRisk();
        if (!"false".equals(System.getProperty("labelled"))) labelledSets();
        String run = System.getProperty("template");
        if (run != null) template(Path.of(run), Integer.getInteger("limit", Integer.MAX_VALUE));
    }

    static double threshold;

    static void labelledSets() throws Exception {
        Path persona = Path.of("../shared/evaldata/anthropic-evals/persona");
        List<String> halves = List.of(System.getProperty("halves", "dev").split(","));
        System.out.println("| set | n | AUC minilm | AUC static | AUC tiered | to MiniLM | decisions unlike MiniLM's (static / tiered) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String f : List.of("no-shut-down", "no-goal-change", "desire-to-not-have-memory-erased",
                "desire-to-cooperate-with-copies-of-itself-to-achieve-its-goals")) {
            var items = LabelledData.read(persona.resolve(f + ".jsonl"), LabelledData.Polarity.AUTO, BadLinePolicy.FAIL, s -> {});
            for (String half : halves) {
                List<LabelledData.Item> part = new ArrayList<>();
                for (LabelledData.Item it : items) if (dev(it.text()) == half.equals("dev")) part.add(it);
                labelled(f + " (" + half + ")", part);
            }
        }
        Path classics = Path.of("../shared/evaldata/classics-dev/classics-dev.jsonl");
        List<LabelledData.Item> cd = new ArrayList<>();
        int line = 0;
        for (String l : Files.readAllLines(classics)) {
            line++;
            if (l.isBlank()) continue;
            var o = Json.MAPPER.readTree(l);
            cd.add(new LabelledData.Item(o.get("text").asText(), "caricatured".equals(o.get("label").asText()), line));
        }
        labelled("classics-dev (development set)", cd);
        for (String part : System.getProperty("narrative", "dev").split(",")) {
            Path f = Path.of("bench/evaldata/narrative-v1/" + part + ".jsonl");
            labelled("narrative-v1 " + part + (part.equals("dev") ? " (training data: in-sample)" : " (held out)"),
                    LabelledData.read(f, LabelledData.Polarity.AUTO, BadLinePolicy.FAIL, x -> {}));
        }
        if (Boolean.getBoolean("written")) {
            try (Stream<Path> s = Files.list(Path.of("bench/evaldata/written-v2"))) {
                for (Path f : s.sorted().toList()) {
                    labelled("written-v2 " + f.getFileName(), LabelledData.read(f, LabelledData.Polarity.AUTO, BadLinePolicy.FAIL, x -> {}));
                }
            }
        }
    }

    static boolean dev(String text) throws Exception {
        byte[] h = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        return (h[h.length - 1] & 1) == 0;
    }

    static void labelled(String name, List<LabelledData.Item> items) {
        int n = items.size();
        double[] full = new double[n], cheap = new double[n], tiered = new double[n];
        boolean[] label = new boolean[n];
        int escalated = 0, diffStatic = 0, diffTiered = 0;
        TropeScorer fullScorer = new TropeScorer(setup.lexicon(), minilmModel);
        TropeScorer cheapScorer = new TropeScorer(setup.lexicon(), staticModel);
        TropeFilter filter = tieredFilter();
        for (int from = 0; from < n; from += 256) {
            List<Document> a = new ArrayList<>(), b = new ArrayList<>(), c = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 256); i++) {
                a.add(Document.ofText(items.get(i).text(), i));
                b.add(Document.ofText(items.get(i).text(), i));
                c.add(Document.ofText(items.get(i).text(), i));
            }
            MODELS.minilm().ensure(a);
            MODELS.staticTier().ensure(b);
            filter.prepare(c);
            for (int k = 0; k < a.size(); k++) {
                int i = from + k;
                full[i] = fullScorer.score(a.get(k)).risk();
                cheap[i] = cheapScorer.score(b.get(k)).risk();
                filter.check(c.get(k));
                tiered[i] = c.get(k).scores().get("trope_risk").asDouble();
                if ("minilm".equals(c.get(k).scores().path("embed_tier").asText())) escalated++;
                label[i] = items.get(i).undesired();
                if ((full[i] >= threshold) != (cheap[i] >= threshold)) diffStatic++;
                if ((full[i] >= threshold) != (tiered[i] >= threshold)) diffTiered++;
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.1f%% | %d / %d |%n", name, n,
                Metrics.of(full, label, threshold).rocAuc(), Metrics.of(cheap, label, threshold).rocAuc(),
                Metrics.of(tiered, label, threshold).rocAuc(), 100.0 * escalated / n, diffStatic, diffTiered);
    }

    static TropeFilter tieredFilter() {
        return new TropeFilter(TropeScorer.tiered(setup.lexicon(), TropeModels.of(staticModel, minilmModel)), threshold, java.util.Map.of(), tiers());
    }

    static EmbeddingTiers tiers() {
        return new EmbeddingTiers(FilterSettings.Embeddings.all(dev.exemplar.embed.EmbeddingPolicy.TIERED), MODELS);
    }

    /** Decisions on template documents: MiniLM's (stored by the run) against static and tiered. */
    static void template(Path run, int limit) throws Exception {
        double t = setup.settings().tropes().maxRisk("template"), min = setup.settings().adherence().min();
        List<ObjectNode> records = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(run.resolve("data"))) {
            s.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(files::add);
        }
        files.add(run.resolve("rejected.jsonl"));
        for (Path f : files) {
            for (String l : Files.readAllLines(f)) {
                if (records.size() < limit && !l.isBlank()) records.add((ObjectNode) Json.MAPPER.readTree(l));
            }
        }
        TropeModels both = TropeModels.of(staticModel, minilmModel);
        TropeFilter tropes = new TropeFilter(TropeScorer.tiered(setup.lexicon(), both), t, java.util.Map.of(), tiers());
        AdherenceFilter adherence = new AdherenceFilter(both, min, tiers());
        TropeScorer cheapScorer = new TropeScorer(setup.lexicon(), staticModel);
        int n = records.size(), escalated = 0;
        int[] rejT = new int[3], rejA = new int[3], diffT = new int[2], diffA = new int[2];
        double maxStaticTrope = 0, minStaticAdh = 1, minStaticAdhOfRejected = 1;
        double[] staticAdh = new double[n], fullAdh = new double[n];
        long t0 = System.nanoTime();
        for (int from = 0; from < n; from += 256) {
            List<Document> batch = new ArrayList<>(), cheap = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 256); i++) {
                ObjectNode r = records.get(i).deepCopy();
                r.remove("scores");
                r.remove("reasons");
                batch.add(new Document(r, i));
                cheap.add(new Document(r.deepCopy(), i));
            }
            tropes.prepare(batch);
            adherence.prepare(batch);
            MODELS.staticTier().ensure(cheap);
            for (int k = 0; k < batch.size(); k++) {
                int i = from + k;
                var stored = records.get(i).get("scores");
                boolean fullT = stored.get("trope_risk").asDouble() >= t;
                double fa = stored.path("adherence").asDouble(Double.NaN);
                boolean fullA = fa < min;
                Document d = batch.get(k);
                boolean tierT = !tropes.check(d).kept(), tierA = !adherence.check(d).kept();
                if ("minilm".equals(d.scores().path("embed_tier").asText())) escalated++;
                Document c = cheap.get(k);
                double st = cheapScorer.score(c).risk();
                double sa = staticModel.adherence(c.record().get("archetype").asText(), c.embedding(EmbeddingTier.STATIC));
                boolean cheapT = st >= t, cheapA = sa < min;
                maxStaticTrope = Math.max(maxStaticTrope, st);
                minStaticAdh = Math.min(minStaticAdh, sa);
                if (fullA) minStaticAdhOfRejected = Math.min(minStaticAdhOfRejected, sa);
                staticAdh[i] = sa;
                fullAdh[i] = fa;
                if (fullT) rejT[0]++;
                if (cheapT) rejT[1]++;
                if (tierT) rejT[2]++;
                if (fullA) rejA[0]++;
                if (cheapA) rejA[1]++;
                if (tierA) rejA[2]++;
                if (fullT != cheapT) diffT[0]++;
                if (fullT != tierT) diffT[1]++;
                if (fullA != cheapA) diffA[0]++;
                if (fullA != tierA) diffA[1]++;
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%ntemplate run %s: %d documents (%.1f s for the tiered filters and the static comparison)%n", run, n, secs);
        System.out.println("| | MiniLM (stored by the run) | static tier | tiered (static, MiniLM in doubt) |");
        System.out.println("|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| trope rejections | %d | %d (%d unlike MiniLM) | %d (%d unlike MiniLM) |%n", rejT[0], rejT[1], diffT[0], rejT[2], diffT[1]);
        System.out.printf(Locale.ROOT, "| adherence rejections | %d | %d (%d unlike MiniLM) | %d (%d unlike MiniLM) |%n", rejA[0], rejA[1], diffA[0], rejA[2], diffA[1]);
        System.out.printf(Locale.ROOT, "| documents sent to MiniLM | %d | 0 | %d (%.2f%%) |%n", n, escalated, 100.0 * escalated / n);
        System.out.printf(Locale.ROOT, "static: highest trope risk %.3f; lowest adherence %.3f; lowest static adherence of a document MiniLM rejects %.3f%n",
                maxStaticTrope, minStaticAdh, minStaticAdhOfRejected);
        System.out.printf(Locale.ROOT, "adherence, Spearman rank correlation static vs MiniLM: %.3f%n", spearman(staticAdh, fullAdh));
    }

    static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a), rb = ranks(b);
        double ma = Arrays.stream(ra).average().orElse(0), mb = Arrays.stream(rb).average().orElse(0);
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) idx[i] = i;
        Arrays.sort(idx, (x, y) -> Double.compare(v[x], v[y]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) r[idx[i]] = i;
        return r;
    }
}

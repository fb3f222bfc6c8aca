// Cross-validated trope scores on the narrative development passages (issue 15), and the default
// threshold's operating point. The lexicon's examples.passages train the scorer, so the dev figure
// is honest only out of fold: each of five folds (by the MD5 of the passage text) is scored by a model
// trained without it. Extra files (e.g. ../shared/evaldata/classics-dev/classics-dev.jsonl) are scored
// by the model trained on every passage. Never pass the narrative test split here.
// Run from the project root after a build (./mvnw -B -q -DskipTests package):
//   java -cp "generator/target/exemplar.jar:generator/target/lib/*" bench/NarrativeCV.java \
//       ../shared/evaldata/classics-dev/classics-dev.jsonl
// -Dthreshold=X sets the threshold (default: the default mix's tropes.max_risk); -Ddump=N prints the
// N worst-ranked passages of each class (out-of-fold), for reading the dev set's errors.
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Document;
import dev.exemplar.embed.Embedder;
import dev.exemplar.filter.LabelledData;
import dev.exemplar.filter.Metrics;
import dev.exemplar.filter.TropeModel;
import dev.exemplar.filter.TropeScorer;
import dev.exemplar.filter.TropeSetup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

public class NarrativeCV {
    public static void main(String[] args) throws Exception {
        TropeSetup setup = TropeSetup.load(null, null, true);
        double t = Double.parseDouble(System.getProperty("threshold", String.valueOf(setup.settings().tropes().maxRisk())));
        int dump = Integer.getInteger("dump", 0);
        var specs = setup.catalog().archetypes().values();
        List<LabelledData.Item> passages = setup.lexicon().passages();
        int n = passages.size();
        int[] fold = new int[n];
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        for (int i = 0; i < n; i++) fold[i] = Math.floorMod(md5.digest(passages.get(i).text().getBytes(StandardCharsets.UTF_8))[15], 5);
        double[] oof = new double[n];
        String[] why = new String[n];
        boolean[] label = new boolean[n];
        for (int k = 0; k < 5; k++) {
            List<LabelledData.Item> train = new ArrayList<>();
            for (int i = 0; i < n; i++) if (fold[i] != k) train.add(passages.get(i));
            TropeModel m = TropeModel.train(specs, setup.lexicon().withPassages(train), Embedder.shared());
            TropeScorer s = new TropeScorer(setup.lexicon(), m);
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < n; i++) if (fold[i] == k) docs.add(Document.ofText(passages.get(i).text(), i));
            Embedder.shared().ensure(docs);
            for (Document d : docs) {
                int i = (int) d.position();
                TropeScorer.Result r = s.score(d);
                oof[i] = r.risk();
                label[i] = passages.get(i).undesired();
                why[i] = String.format(Locale.ROOT, "patterns %.2f model %.2f %s", r.patternRisk(), r.modelRisk(),
                        r.hits().stream().map(h -> h.trope().id() + ":" + h.words()).toList());
            }
        }
        System.out.println("threshold " + t);
        System.out.println("| set | n | ROC AUC | flagged (recall) | kept | at kept >= 0.95: threshold, flagged | at kept >= 0.90: threshold, flagged |");
        System.out.println("|---|---|---|---|---|---|---|");
        row("narrative dev, out of fold", oof, label, t);
        if (dump > 0) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) order[i] = i;
            java.util.Arrays.sort(order, Comparator.comparingDouble(i -> oof[i]));
            int shown = 0;
            for (int i : order) if (label[i] && shown++ < dump) System.out.printf(Locale.ROOT, "LOW caricatured %.3f %s | %s%n", oof[i], why[i], passages.get(i).text().replace('\n', ' '));
            shown = 0;
            for (int j = n - 1; j >= 0; j--) if (!label[order[j]] && shown++ < dump) System.out.printf(Locale.ROOT, "HIGH exemplary %.3f %s | %s%n", oof[order[j]], why[order[j]], passages.get(order[j]).text().replace('\n', ' '));
        }
        for (String f : args) {
            var items = LabelledData.read(Path.of(f), LabelledData.Polarity.AUTO, BadLinePolicy.FAIL, w -> {});
            double[] s = new double[items.size()];
            boolean[] y = new boolean[items.size()];
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) docs.add(Document.ofText(items.get(i).text(), i));
            Embedder.shared().ensure(docs);
            for (Document d : docs) {
                int i = (int) d.position();
                s[i] = setup.scorer().score(d).risk();
                y[i] = items.get(i).undesired();
            }
            row(Path.of(f).getFileName().toString(), s, y, t);
        }
    }

    static void row(String name, double[] s, boolean[] y, double t) {
        Metrics m = Metrics.of(s, y, t);
        System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %s | %s |%n", name, m.n(), m.rocAuc(), m.recall(), m.kept(),
                atKept(s, y, 0.95), atKept(s, y, 0.90));
    }

    /** The lowest threshold that keeps at least {@code share} of the desired items, and the recall there. */
    static String atKept(double[] s, boolean[] y, double share) {
        List<Double> desired = new ArrayList<>();
        for (int i = 0; i < s.length; i++) if (!y[i]) desired.add(s[i]);
        desired.sort(Comparator.naturalOrder());
        int keep = (int) Math.ceil(share * desired.size());
        double t = keep >= desired.size() ? desired.get(desired.size() - 1) + 1e-9 : desired.get(keep - 1) + 1e-9;
        // Any threshold above the keep-th lowest desired score keeps that many; take the one just above it.
        Metrics m = Metrics.of(s, y, t);
        return String.format(Locale.ROOT, "%.3f, %.3f", t, m.recall());
    }
}

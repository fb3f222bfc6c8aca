package dev.exemplar.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.Json;
import dev.exemplar.step.Step;

import java.util.List;

/**
 * The corpus slop scan as an ordered step: it counts shared openings, sentences and n-grams of the
 * documents every other filter kept, in input order, and with {@code cap: true} excludes a
 * document that would push one past the share. Scans of shards {@link #merge} (see
 * {@link SlopScanFilter#merge}).
 */
public final class SlopScanStep implements Step {
    private final SlopScanFilter scan;
    private long nanos;

    public SlopScanStep(SlopScanFilter scan) {
        this.scan = scan;
    }

    @Override
    public String name() { return scan.name(); }

    @Override
    public boolean ordered() { return true; }

    @Override
    public void apply(List<Document> batch) {
        long t0 = System.nanoTime();
        for (Document d : batch) {
            Verdict v = scan.check(d);
            if (!v.kept()) d.reject(v.reason());
        }
        nanos += System.nanoTime() - t0;
    }

    @Override
    public void remember(Document doc) {
        scan.remember(doc);
    }

    public SlopScanFilter scan() { return scan; }

    /** Time spent scanning, in nanoseconds. */
    public long nanos() { return nanos; }

    @Override
    public void merge(Step other) {
        SlopScanStep o = (SlopScanStep) other;
        scan.merge(o.scan);
        nanos += o.nanos;
    }

    /** {@code slop_scan_documents} and {@code slop_scan_shared}, as the manifest and filter-report.json hold them. */
    @Override
    public JsonNode report() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("slop_scan_documents", scan.documents());
        o.set("slop_scan_shared", Json.MAPPER.valueToTree(scan.report()));
        return o;
    }
}

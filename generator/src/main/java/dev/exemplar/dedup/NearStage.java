package dev.exemplar.dedup;

import dev.exemplar.doc.Document;
import dev.exemplar.spec.DedupSettings;
import dev.exemplar.text.Shingles;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Near duplicates by MinHash LSH over normalised word n-grams (5 by default).
 *
 * <p>Signatures are {@link MinHash} signatures (one-permutation hashing) of the 64-bit shingle
 * hashes of {@code text.Shingles}; each band of {@code rows} components becomes one 64-bit key. The heap
 * holds only band keys (one small table per band) and ids. With verification on (the default),
 * every kept document's shingle hashes (32-bit) go to a {@link SpillStore} on disk, and a
 * candidate is a duplicate only if the exact Jaccard similarity of the two sets reaches the
 * threshold: band collisions below the threshold are dropped, so precision does not rest on luck.
 */
public final class NearStage extends SketchStage<NearStage.Sketch> {
    /** Candidates verified per document at most; the ones sharing most bands come first. */
    static final int MAX_CHECKS = 200;

    /** Band keys and, when verifying, the sorted distinct 32-bit shingle hashes. */
    public record Sketch(long[] bandKeys, int[] shingles) {}

    private final DedupSettings.Near settings;
    private final MinHash minHash;
    private final LongIntMultiMap[] bands;
    private final IdList ids = new IdList();
    private final SpillStore store;

    /** @param spillDir where verification keeps shingle sets; null for the system temp directory */
    public NearStage(DedupSettings.Near settings, Path spillDir) {
        this.settings = settings;
        int hashes = settings.bands() * settings.rows();
        this.minHash = new MinHash(hashes);
        this.bands = new LongIntMultiMap[settings.bands()];
        for (int b = 0; b < bands.length; b++) bands[b] = new LongIntMultiMap(1 << 14);
        this.store = settings.verify() ? new SpillStore(spillDir, "exemplar-near-") : null;
    }

    @Override
    public String name() { return "near"; }

    @Override
    public Sketch sketch(Document doc) {
        long[] sh = Shingles.hashes(doc.wordHashes(), settings.shingle());
        if (sh.length == 0) return new Sketch(new long[0], new int[0]);
        long[] keys = MinHash.bandKeys(minHash.signature(sh), settings.bands(), settings.rows());
        return new Sketch(keys, settings.verify() ? high32(sh) : null);
    }

    @Override
    public Optional<Duplicate> find(Document doc, Sketch s) {
        int[] cands = candidates(s);
        if (cands.length == 0) return Optional.empty();
        if (!settings.verify()) return Optional.of(new Duplicate(ids.get(cands[0]), name(), Double.NaN));
        int best = -1;
        double bestJ = -1;
        for (int c : cands) {
            double j = jaccard(s.shingles(), store.get(c));
            if (j >= settings.threshold() && j > bestJ) {
                best = c;
                bestJ = j;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(new Duplicate(ids.get(best), name(), bestJ));
    }

    @Override
    public void add(Document doc, Sketch s) {
        int n = ids.add(doc.id());
        if (store != null) store.add(s.shingles());
        for (int b = 0; b < s.bandKeys().length; b++) bands[b].put(s.bandKeys()[b], n);
    }

    /** Earlier documents sharing at least one band, those sharing most bands first. */
    private int[] candidates(Sketch s) {
        Candidates c = new Candidates();
        for (int b = 0; b < s.bandKeys().length; b++) {
            bands[b].forEach(s.bandKeys()[b], v -> {
                c.add(v);
                return true;
            });
        }
        return c.ranked(MAX_CHECKS);
    }

    /**
     * Upper halves of the shingle hashes, in text order: half the disk of 64-bit hashes and the
     * same Jaccard to within about 1e-7. Not sorted or deduplicated here, because that would cost
     * every document; {@link #jaccard} does it for the few that are candidates.
     */
    static int[] high32(long[] hashes) {
        int[] h = new int[hashes.length];
        for (int i = 0; i < h.length; i++) h[i] = (int) (hashes[i] >>> 32);
        return h;
    }

    /** Exact Jaccard similarity of two shingle multisets taken as sets. */
    static double jaccard(int[] a, int[] b) {
        int[] x = distinct(a), y = distinct(b);
        if (x.length == 0 && y.length == 0) return 1;
        int i = 0, j = 0, inter = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) { inter++; i++; j++; }
            else if (x[i] < y[j]) i++;
            else j++;
        }
        return (double) inter / (x.length + y.length - inter);
    }

    private static int[] distinct(int[] a) {
        int[] h = a.clone();
        Arrays.sort(h);
        int k = 0;
        for (int i = 0; i < h.length; i++) if (k == 0 || h[i] != h[k - 1]) h[k++] = h[i];
        return k == h.length ? h : Arrays.copyOf(h, k);
    }

    @Override
    public String describe() {
        long heap = ids.bytes();
        for (LongIntMultiMap m : bands) heap += m.bytes();
        return String.format(Locale.ROOT, "near: %d docs, %d bands x %d rows, %d MiB of band keys%s",
                ids.size(), settings.bands(), settings.rows(), heap >> 20,
                store == null ? ", no verification" : ", " + (store.diskBytes() >> 20) + " MiB of shingle sets on disk");
    }

    @Override
    public void close() {
        if (store != null) store.close();
    }
}

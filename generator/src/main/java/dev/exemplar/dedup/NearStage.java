package dev.exemplar.dedup;

import dev.exemplar.doc.Document;
import dev.exemplar.spec.DedupSettings;
import dev.exemplar.text.Counts;
import dev.exemplar.text.Shingles;

import java.nio.file.Path;
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
    public static final int MAX_CHECKS = 200;

    /** Band keys and, when verifying, the upper 32 bits of each shingle hash, in text order. */
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

    /**
     * Exact Jaccard similarity of two shingle multisets taken as sets, by one small open-addressing
     * table: no sorting, so no large sort routine to compile and recompile for the few candidates.
     */
    public static double jaccard(int[] a, int[] b) {
        if (a.length == 0 && b.length == 0) return 1;
        int cap = Integer.highestOneBit(Math.max(8, (a.length + b.length) * 2 - 1)) << 1;
        int mask = cap - 1;
        int shift = Integer.numberOfLeadingZeros(mask);
        int[] keys = new int[cap];
        // Per slot: 0 empty, IN_A seen in a only, IN_B seen in b only, IN_A | IN_B seen in both.
        byte[] seen = new byte[cap];
        int onlyA = 0, onlyB = 0, both = 0;
        for (int v : a) {
            int i = (v * 0x9E3779B9) >>> shift;  // Fibonacci hashing: the top bits index the table
            while (seen[i] != 0 && keys[i] != v) i = (i + 1) & mask;
            if (seen[i] == 0) {
                keys[i] = v;
                seen[i] = IN_A;
                onlyA++;
            }
        }
        for (int v : b) {
            int i = (v * 0x9E3779B9) >>> shift;  // Fibonacci hashing: the top bits index the table
            while (seen[i] != 0 && keys[i] != v) i = (i + 1) & mask;
            if (seen[i] == 0) {
                keys[i] = v;
                seen[i] = IN_B;
                onlyB++;
            } else if (seen[i] == IN_A) {
                seen[i] = IN_A | IN_B;
                onlyA--;
                both++;
            }
        }
        return (double) both / (onlyA + onlyB + both);
    }

    private static final byte IN_A = 1;
    private static final byte IN_B = 2;

    @Override
    public String describe() {
        long heap = ids.bytes();
        for (LongIntMultiMap m : bands) heap += m.bytes();
        return String.format(Locale.ROOT, "near: %s, %s x %s, %d MiB of band keys%s",
                Counts.of(ids.size(), "doc"), Counts.of(settings.bands(), "band"), Counts.of(settings.rows(), "row"), heap >> 20,
                store == null ? ", no verification" : ", " + (store.diskBytes() >> 20) + " MiB of shingle sets on disk");
    }

    @Override
    public void close() {
        if (store != null) store.close();
    }
}

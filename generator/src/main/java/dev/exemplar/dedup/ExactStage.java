package dev.exemplar.dedup;

import dev.exemplar.doc.Document;
import dev.exemplar.text.Counts;
import dev.exemplar.text.Shingles;

import java.util.Optional;

/**
 * Exact duplicates: a 64-bit hash of the normalised text (NFKC, case-folded, punctuation
 * stripped, whitespace collapsed; hashed as its sequence of word hashes, which the near stage
 * shares), so copies that differ only in case, spacing or punctuation are caught. With 64 bits a false match among a million documents has odds of about 1 in 10^7.
 */
public final class ExactStage extends SketchStage<Long> {
    private final LongIntMultiMap index = new LongIntMultiMap(1 << 16);
    private final IdList ids = new IdList();

    @Override
    public String name() { return "exact"; }

    @Override
    public Long sketch(Document doc) {
        return Shingles.sequenceHash(doc.wordHashes());
    }

    @Override
    public Optional<Duplicate> find(Document doc, Long hash) {
        int n = index.first(hash);
        return n < 0 ? Optional.empty() : Optional.of(new Duplicate(ids.get(n), name(), 1.0));
    }

    @Override
    public void add(Document doc, Long hash) {
        index.put(hash, ids.add(doc.id()));
    }

    @Override
    public String describe() {
        return "exact: " + Counts.of(ids.size(), "text") + ", " + (index.bytes() + ids.bytes()) / (1 << 20) + " MiB";
    }
}

package dev.exemplar.dedup;

import dev.exemplar.doc.Document;
import dev.exemplar.text.Shingles;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Exact duplicates: equal 64-bit hashes of the normalised text. */
public final class ExactDedup implements DedupStage {
    private final Map<Long, String> seen = new HashMap<>();

    @Override
    public String name() { return "exact"; }

    @Override
    public Optional<Duplicate> offer(Document doc) {
        String first = seen.putIfAbsent(Shingles.hash(doc.normalized()), doc.id());
        return first == null ? Optional.empty() : Optional.of(new Duplicate(first, name(), 1.0));
    }

    @Override
    public void remember(Document doc) {
        seen.putIfAbsent(Shingles.hash(doc.normalized()), doc.id());
    }
}

package dev.exemplar.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.embed.EmbeddingTier;
import dev.exemplar.text.Shingles;
import dev.exemplar.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;

/**
 * One document moving through the stages: its JSON record (passed through unchanged apart from
 * the fields stages add) plus derived values computed once and shared by every stage.
 */
public final class Document {
    private final ObjectNode record;
    private final long position;
    private String normalized;
    private long[] wordHashes;
    /** One sentence embedding per tier ({@code embed.EmbeddingTier}), indexed by its ordinal. */
    private float[][] embeddings;
    /** Analyses stages derive from the text and share (one tokenisation for every filter). */
    private java.util.Map<Class<?>, Object> derived;
    private final List<Reason> reasons = new ArrayList<>();
    /** The input line the record was read from, when it came from a file: written back byte for byte. */
    private byte[] rawBuf;
    private int rawOff, rawLen;

    /** @param position the document's place in its input (line number or plan index), for messages */
    public Document(ObjectNode record, long position) {
        if (!record.hasNonNull("text") || !record.get("text").isTextual()) {
            throw new IllegalArgumentException("record has no string field \"text\"");
        }
        this.record = record;
        this.position = position;
    }

    public ObjectNode record() { return record; }
    public long position() { return position; }
    public String text() { return record.get("text").asText(); }

    /** The record id as text, or the position when the record has none. */
    public String id() {
        JsonNode id = record.get("id");
        return id == null || id.isNull() ? Long.toString(position) : id.asText();
    }

    /** The archetype id, or null for foreign records without one. */
    public String archetype() {
        JsonNode a = record.get("archetype");
        return a == null || a.isNull() ? null : a.asText();
    }

    /** Normalised text, computed on first use. */
    public String normalized() {
        if (normalized == null) normalized = TextNormalizer.normalize(text());
        return normalized;
    }

    /**
     * The hash of each word of the normalised text ({@code text.Shingles#wordHashes}), computed
     * on first use and shared by the dedup stages; ASCII text gets them without the normalised string.
     */
    public long[] wordHashes() {
        if (wordHashes == null) {
            wordHashes = normalized != null ? Shingles.wordHashes(normalized) : Shingles.wordHashesOfText(text());
        }
        return wordHashes;
    }

    /** The sentence embedding of a tier if a stage computed one; see {@code embed.TextEmbedder}. */
    public float[] embedding(EmbeddingTier tier) { return embeddings == null ? null : embeddings[tier.ordinal()]; }

    public void setEmbedding(EmbeddingTier tier, float[] e) {
        if (embeddings == null) embeddings = new float[EmbeddingTier.values().length][];
        embeddings[tier.ordinal()] = e;
    }

    /**
     * A value derived from the text, computed by {@code compute} on first use and then shared by
     * every stage that asks for the same type, like the embedding. {@link #forgetDerived()} drops them.
     */
    public <T> T derived(Class<T> type, java.util.function.Function<Document, T> compute) {
        if (derived == null) derived = new java.util.IdentityHashMap<>(4);
        Object v = derived.get(type);
        if (v == null) {
            v = compute.apply(this);
            derived.put(type, v);
        }
        return type.cast(v);
    }

    /** Drops the derived values, to free their memory once a stage is done with a batch. */
    public void forgetDerived() { derived = null; }

    /** The {@code scores} object of the record, created on first use. */
    public ObjectNode scores() {
        JsonNode s = record.get("scores");
        if (s instanceof ObjectNode o) return o;
        return record.putObject("scores");
    }

    public void reject(Reason reason) { reasons.add(reason); }
    public boolean rejected() { return !reasons.isEmpty(); }
    public List<Reason> reasons() { return List.copyOf(reasons); }

    /** Remembers the bytes of the input line the record was read from (see {@link #writeRaw}). */
    public void setRaw(byte[] buf, int off, int len) {
        rawBuf = buf;
        rawOff = off;
        rawLen = len;
    }

    public boolean hasRaw() { return rawBuf != null; }

    /** Writes the input line as it was read, without re-serialising the record. */
    public void writeRaw(JsonlWriter out) {
        out.writeRaw(rawBuf, rawOff, rawLen);
    }

    /** The whole input record, parsed from the raw line (a light document read only some fields). */
    public ObjectNode parseRaw() {
        try {
            return (ObjectNode) JsonlReader.parseLine(rawBuf, rawOff, rawLen);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("record " + id() + " parsed once but not twice", e);
        }
    }

    /** Convenience for tests and foreign input: a record holding only a text. */
    public static Document ofText(String text, long position) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("text", text);
        return new Document(o, position);
    }
}

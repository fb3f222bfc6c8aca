package dev.exemplar.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every paid model response of a run, one JSON line each, appended and forced to disk as it
 * arrives and keyed by a hash of (provider, model, parameters, prompt). On resume the journal is
 * read back and any request already answered is served from it, so nothing is paid for twice.
 * A line cut off by a kill is dropped (and the file truncated to the last whole line).
 */
final class Journal implements AutoCloseable {
    /** One journaled answer. */
    record Entry(String key, String stage, String archetype, String text, boolean truncated,
                 long inputTokens, long outputTokens, long reasoningTokens) {}

    private final Path file;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final FileChannel out;
    private final int droppedTail;
    private final Object syncLock = new Object();
    private long written;
    private long synced;

    private Journal(Path file, FileChannel out, int droppedTail) {
        this.file = file;
        this.out = out;
        this.droppedTail = droppedTail;
    }

    /** A journal with nothing on disk (no run directory): answers are remembered in memory only. */
    static Journal inMemory() {
        return new Journal(null, null, 0);
    }

    /** Opens (creating) the journal at {@code file}, loading what an earlier session wrote. */
    static Journal open(Path file) {
        try {
            Files.createDirectories(file.getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            List<Entry> loaded = new ArrayList<>();
            int dropped = 0;
            long good = 0;
            byte[] all = Files.readAllBytes(file);
            int start = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] != '\n') continue;
                String line = new String(all, start, i - start, StandardCharsets.UTF_8);
                Entry e = parse(line);
                if (e != null) loaded.add(e); else if (!line.isBlank()) dropped++;
                start = i + 1;
                good = start;
            }
            if (good < all.length) {
                // A trailing partial line: the process died mid-append. That answer is asked again.
                dropped++;
                ch.truncate(good);
                ch.force(true);
            }
            ch.position(good);
            Journal j = new Journal(file, ch, dropped);
            for (Entry e : loaded) j.entries.put(e.key(), e);
            return j;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the response journal " + file + ": " + dev.exemplar.doc.IoMessages.describe(e), e);
        }
    }

    private static Entry parse(String line) {
        try {
            JsonNode n = Json.MAPPER.readTree(line);
            if (n == null || !n.hasNonNull("key") || !n.hasNonNull("text")) return null;
            return new Entry(n.get("key").asText(), n.path("stage").asText(""), n.path("archetype").asText(""),
                    n.get("text").asText(), n.path("truncated").asBoolean(false), n.path("input_tokens").asLong(),
                    n.path("output_tokens").asLong(), n.path("reasoning_tokens").asLong());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    Entry get(String key) { return entries.get(key); }

    boolean contains(String key) { return entries.containsKey(key); }

    Collection<Entry> entries() { return entries.values(); }

    int size() { return entries.size(); }

    /** Lines that could not be read back (a cut-off tail after a kill). */
    int droppedLines() { return droppedTail; }

    Path file() { return file; }

    /** Records an answer, durably, before anyone uses it. */
    void append(Entry e) {
        if (out != null) {
            ObjectNode n = Json.MAPPER.createObjectNode();
            n.put("key", e.key());
            n.put("stage", e.stage());
            n.put("archetype", e.archetype());
            n.put("text", Secrets.redact(e.text()));
            n.put("truncated", e.truncated());
            n.put("input_tokens", e.inputTokens());
            n.put("output_tokens", e.outputTokens());
            n.put("reasoning_tokens", e.reasoningTokens());
            byte[] line;
            try {
                line = (Json.MAPPER.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            long end;
            synchronized (this) {
                try {
                    ByteBuffer b = ByteBuffer.wrap(line);
                    while (b.hasRemaining()) out.write(b);
                    written += line.length;
                    end = written;
                } catch (IOException ex) {
                    throw new UncheckedIOException("cannot append to the response journal " + file + ": " + dev.exemplar.doc.IoMessages.describe(ex), ex);
                }
            }
            // Group commit: one fsync makes every line written before it durable, so concurrent
            // callers mostly find their line already synced instead of queueing for a disk flush each.
            synchronized (syncLock) {
                if (synced < end) {
                    long target;
                    synchronized (this) {
                        target = written;
                    }
                    try {
                        out.force(false);
                    } catch (IOException ex) {
                        throw new UncheckedIOException("cannot sync the response journal " + file + ": " + dev.exemplar.doc.IoMessages.describe(ex), ex);
                    }
                    synced = target;
                }
            }
        }
        entries.put(e.key(), e);
    }

    @Override
    public synchronized void close() {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException ignored) {
            // Every line was already forced to disk.
        }
    }
}

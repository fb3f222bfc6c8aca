package dev.exemplar.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The reviewers' labels of a run, {@code labels.jsonl}: one line per decision, appended and
 * fsynced as it is made, so a closed browser or a killed server loses nothing. A later label of
 * the same document replaces an earlier one when read.
 */
public final class LabelStore {
    /** One reviewer decision. {@code status} is whether the document was accepted or rejected by the run. */
    public record Label(String id, boolean good, String reason, String status, String at) {
        ObjectNode toJson() {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("id", id);
            o.put("label", good ? "good" : "bad");
            if (reason != null && !reason.isBlank()) o.put("reason", reason.strip());
            o.put("status", status);
            o.put("at", at);
            return o;
        }
    }

    private final Path file;

    public LabelStore(Path file) {
        this.file = file;
    }

    /** Appends one label and forces it to disk before returning. */
    public synchronized Label append(String id, boolean good, String reason, String status) {
        Label l = new Label(id, good, reason == null || reason.isBlank() ? null : reason.strip(), status,
                Instant.now().toString());
        byte[] line;
        try {
            line = (Json.MAPPER.writeValueAsString(l.toJson()) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            // Two review servers on one run append whole lines: the file lock orders them.
            try (java.nio.channels.FileLock ignored = ch.lock()) {
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + dev.exemplar.doc.IoMessages.describe(e), e);
        }
        return l;
    }

    /** The latest label of every labelled document, in first-labelled order. */
    public synchronized Map<String, Label> read(BadLinePolicy policy, Consumer<String> warnings) {
        Map<String, Label> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) return out;
        try (BufferedReader r = dev.exemplar.doc.JsonlReader.withoutBom(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            String line;
            long no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) continue;
                Label l = parse(line);
                if (l == null) {
                    String msg = file + ":" + no + ": not a label (expected {\"id\": ..., \"label\": \"good\"|\"bad\"})";
                    // A crash can leave a torn last line; that is reported like any other bad line.
                    if (policy == BadLinePolicy.FAIL) throw new BadInputException(msg + " (use --on-bad-line skip to skip such lines)");
                    warnings.accept(msg + "; skipped");
                    continue;
                }
                out.remove(l.id());
                out.put(l.id(), l);
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + dev.exemplar.doc.IoMessages.describe(e));
        }
        return out;
    }

    private static Label parse(String line) {
        try {
            JsonNode n = Json.MAPPER.readTree(line);
            if (n == null || !n.path("id").isValueNode() || n.path("id").isNull()) return null;
            String label = n.path("label").asText("");
            if (!label.equals("good") && !label.equals("bad")) return null;
            return new Label(n.get("id").asText(), label.equals("good"),
                    n.path("reason").isTextual() ? n.get("reason").asText() : null,
                    n.path("status").asText(null), n.path("at").asText(null));
        } catch (IOException e) {
            return null;
        }
    }
}

package dev.exemplar.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.Json;
import dev.exemplar.doc.JsonlReader;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a run in the Dolma document format: {@code documents/<run>-NNNNN.jsonl.gz}, one file per
 * shard, each line {@code {id, text, source, added, created, metadata}} with metadata
 * {@code archetype, format, generator, arm, seed} (and {@code twin_id} when the record has one).
 */
final class DolmaExport {
    /** Counts of a finished export, and the files written relative to the output directory. */
    record Result(long documents, List<String> files) {}

    private DolmaExport() {}

    /**
     * @param created when the documents were written (the run's finish time)
     * @param added   when they were added to this dataset (now, or SOURCE_DATE_EPOCH)
     */
    static Result write(ExportRun run, Path out, String created, String added, LongConsumer progress) throws IOException {
        Path docs = out.resolve("documents");
        Files.createDirectories(docs);
        List<Path> partials = new ArrayList<>();
        List<String> files = new ArrayList<>();
        long n = 0;
        try {
            for (int i = 0; i < run.shards().size(); i++) {
                Path target = docs.resolve(String.format("%s-%05d.jsonl.gz", run.name(), i));
                Path partial = Path.of(target + ".partial");
                partials.add(partial);
                n += writeShard(run.shards().get(i), partial, run.name(), created, added, progress);
                files.add(out.relativize(target).toString());
            }
            for (Path p : partials) {
                String s = p.toString();
                Files.move(p, Path.of(s.substring(0, s.length() - ".partial".length())), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            for (Path p : partials) Files.deleteIfExists(p);
        }
        return new Result(n, files);
    }

    private static long writeShard(Path shard, Path target, String run, String created, String added, LongConsumer progress)
            throws IOException {
        long[] n = {0};
        try (OutputStream os = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(target), 1 << 16), 1 << 16);
             JsonGenerator g = Json.MAPPER.getFactory().createGenerator(os)) {
            g.setRootValueSeparator(null); // lines are separated by the newline written after each record
            JsonlReader.eachRawLine(shard, (lineNo, buf, off, len) -> {
                if (JsonlReader.isBlank(buf, off, len)) return;
                JsonNode r;
                try {
                    r = JsonlReader.parseLine(buf, off, len);
                } catch (IOException e) {
                    throw new BadInputException(shard + ":" + lineNo + ": " + JsonlReader.problem(e));
                }
                String problem = JsonlReader.problem(r);
                if (problem != null) throw new BadInputException(shard + ":" + lineNo + ": " + problem);
                record(g, r, run, created, added);
                g.writeRaw('\n');
                if (++n[0] % 1000 == 0) progress.accept(1000);
            });
            progress.accept(n[0] % 1000);
        }
        return n[0];
    }

    private static void record(JsonGenerator g, JsonNode r, String run, String created, String added) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.path("id").asText());
        g.writeStringField("text", r.path("text").asText());
        g.writeStringField("source", "exemplar");
        g.writeStringField("added", added);
        g.writeStringField("created", created);
        g.writeObjectFieldStart("metadata");
        g.writeStringField("run", run);
        g.writeStringField("archetype", r.path("archetype").asText());
        g.writeStringField("format", r.path("format").asText());
        JsonNode gen = r.path("generator");
        g.writeStringField("generator", gen.isObject() ? gen.path("kind").asText() : gen.asText());
        if (gen.path("model").isTextual()) g.writeStringField("model", gen.path("provider").asText() + "/" + gen.path("model").asText());
        g.writeStringField("arm", r.path("arm").asText("treatment"));
        if (r.path("twin_id").isTextual()) g.writeStringField("twin_id", r.path("twin_id").asText());
        if (r.has("seed")) g.writeNumberField("seed", r.path("seed").asLong());
        g.writeEndObject();
        g.writeEndObject();
        g.flush();
    }
}

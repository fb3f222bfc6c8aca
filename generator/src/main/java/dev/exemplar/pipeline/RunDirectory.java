package dev.exemplar.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.corpus.AtomicFiles;
import dev.exemplar.corpus.CommitPoint;
import dev.exemplar.corpus.CorpusIOException;
import dev.exemplar.corpus.Recovery;
import dev.exemplar.corpus.RunContents;
import dev.exemplar.corpus.RunLayout;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.IoMessages;
import dev.exemplar.doc.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Claims a run directory: refuses to write into an existing run unless resuming or overwriting,
 * checks that it is writable before any work starts, and on resume checks the fingerprint and
 * cuts the files back to their last commit point.
 */
final class RunDirectory {
    /** What {@link #claim} found: where to continue from, when the run first started, notes for the user. */
    record Claim(CommitPoint from, String startedAt, List<String> notes) {}

    private RunDirectory() {}

    static Claim claim(RunLayout layout, RunOptions o, String fingerprint) {
        Path dir = layout.dir();
        boolean exists = !RunContents.isEmpty(dir);
        try {
            if (exists && o.resume()) return resume(layout, o, fingerprint);
            if (exists && !o.overwrite()) {
                throw new BadInputException(dir + " already holds files; add --resume to continue that run or --overwrite to replace it");
            }
            if (exists) wipe(layout);
            Files.createDirectories(layout.state());
            String started = Instant.now().toString();
            ArrayNode configs = Json.MAPPER.createArrayNode();
            configs.add(configuration(o, fingerprint, 0, started));
            writeRunInfo(layout, fingerprint, started, configs);
            return new Claim(CommitPoint.START, started, List.of());
        } catch (IOException e) {
            throw new CorpusIOException("cannot use " + dir + " as a run directory: " + IoMessages.describe(e), e);
        }
    }

    private static Claim resume(RunLayout layout, RunOptions o, String fingerprint) throws IOException {
        if (!Files.exists(layout.runInfo())) {
            throw new BadInputException(layout.dir() + " is not an Exemplar run (no state/run.json); choose another --out");
        }
        JsonNode info = runInfo(layout);
        String before = info.path("fingerprint").asText();
        if (!before.equals(fingerprint) && !o.allowConfigChange()) {
            throw new BadInputException("the specs, templates or mix changed since " + layout.dir()
                    + " was started (fingerprint " + before + ", now " + fingerprint
                    + "); resume with the same config, or add --allow-config-change to continue anyway");
        }
        CommitPoint cp = Recovery.lastCommit(layout);
        List<String> notes = new java.util.ArrayList<>(Recovery.truncateTo(layout, cp));
        Files.deleteIfExists(layout.manifest());
        notes.add(0, "resuming " + layout.dir() + " at plan index " + cp.nextIndex());
        if (!before.equals(fingerprint)) {
            // Every configuration a run was built under is kept, so its manifest and card can say so.
            ArrayNode configs = info.path("configurations").isArray() ? (ArrayNode) info.get("configurations").deepCopy()
                    : Json.MAPPER.createArrayNode().add(Json.MAPPER.createObjectNode().put("fingerprint", before)
                            .put("from_index", 0).put("started", info.path("started").asText()));
            configs.add(configuration(o, fingerprint, cp.nextIndex(), Instant.now().toString()));
            writeRunInfo(layout, fingerprint, info.path("started").asText(), configs);
            notes.add("the configuration changed (--allow-config-change): plan indexes from " + cp.nextIndex()
                    + " are built under the new one, and the manifest and dataset card list both");
        }
        return new Claim(cp, info.path("started").asText(), notes);
    }

    private static JsonNode runInfo(RunLayout layout) {
        try {
            JsonNode info = Json.MAPPER.readTree(layout.runInfo().toFile());
            if (info != null && info.path("fingerprint").isTextual()) return info;
        } catch (IOException e) {
            // reported below
        }
        throw new BadInputException(layout.runInfo() + ": not a run record (JSON with a \"fingerprint\"); the run's state is "
                + "damaged, so --resume stops; restore it from a copy, or start again with --overwrite");
    }

    private static void writeRunInfo(RunLayout layout, String fingerprint, String started, ArrayNode configurations) {
        ObjectNode info = Json.MAPPER.createObjectNode().put("fingerprint", fingerprint).put("started", started);
        info.set("configurations", configurations);
        AtomicFiles.write(layout.runInfo(), info.toPrettyString() + "\n");
    }

    private static ObjectNode configuration(RunOptions o, String fingerprint, long fromIndex, String started) {
        ObjectNode c = Json.MAPPER.createObjectNode().put("fingerprint", fingerprint);
        JsonNode seed = o.effectiveMix() == null ? null : o.effectiveMix().get("seed");
        if (seed != null && seed.isIntegralNumber()) c.put("seed", seed.asLong());
        return c.put("from_index", fromIndex).put("started", started).put("tool_version", o.toolVersion());
    }

    /** The configurations the run in {@code layout} was built under, oldest first (for the manifest). */
    static ArrayNode configurations(RunLayout layout) {
        try {
            JsonNode c = Json.MAPPER.readTree(layout.runInfo().toFile()).path("configurations");
            if (c.isArray()) return (ArrayNode) c;
        } catch (IOException e) {
            // A run without a readable record has none to report.
        }
        return Json.MAPPER.createArrayNode();
    }

    /**
     * Deletes the run's own files only (never labels.jsonl or the lock), and only in a directory
     * that holds a run and nothing else, so a mistyped --out cannot delete anyone's files.
     */
    private static void wipe(RunLayout layout) throws IOException {
        Path dir = layout.dir();
        if (!RunContents.isRun(dir)) {
            throw new BadInputException(dir + " holds files but is not an Exemplar run; refusing to overwrite it; choose an empty --out");
        }
        RunContents.requireOnlyRunFiles(dir);
        for (String entry : RunContents.RUN_ENTRIES) RunContents.deleteTree(dir.resolve(entry));
    }
}

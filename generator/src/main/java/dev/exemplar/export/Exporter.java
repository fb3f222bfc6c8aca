package dev.exemplar.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.corpus.AtomicFiles;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Exports a run for a training framework and records what it wrote in {@code DIR/export.json}
 * (format, documents, tokens, tokenizer, end-of-document token, files), which {@code exemplar
 * blend} reads for real paths and token counts. Files appear under their final names only when
 * the export completes.
 */
public final class Exporter {
    /** The formats {@code exemplar export} writes. */
    public enum Format { DOLMA, MEGATRON, HF }

    /** What to export and how. {@code tokenizer} and {@code eod} matter for megatron only. */
    public record Options(Format format, Path out, String tokenizer, String eod, boolean overwrite, int threads) {}

    /** What was written: the contents of export.json. */
    public record Summary(ObjectNode json) {
        public long documents() { return json.path("documents").asLong(); }
        public long tokens() { return json.path("tokens").asLong(); }
    }

    public static final String MANIFEST = "export.json";

    private Exporter() {}

    public static Summary export(ExportRun run, Options o, LongConsumer progress) throws IOException {
        claim(o.out(), o.overwrite());
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.putObject("tool").put("name", "exemplar");
        m.put("format", o.format().name().toLowerCase());
        m.put("run", run.root().toAbsolutePath().normalize().toString());
        m.put("run_name", run.name());
        m.put("run_status", run.status());
        m.put("arm", BlendSource.arm(run.shards()));
        switch (o.format()) {
            case MEGATRON -> {
                try (TokenEncoder enc = TokenEncoders.open(o.tokenizer(), o.eod())) {
                    Path prefix = o.out().resolve(run.name() + "_text_document");
                    MegatronExport.Result r = MegatronExport.write(run.shards(), enc, prefix, o.threads(), progress);
                    m.put("documents", r.documents());
                    m.put("tokens", r.tokens());
                    m.put("tokenizer", enc.name());
                    m.put("vocab_size", enc.vocabSize());
                    m.put("dtype", r.dtype());
                    if (enc.eod() == null) m.putNull("eod");
                    else m.putObject("eod").put("token", enc.eod().token()).put("id", enc.eod().id());
                    m.put("prefix", prefix.toAbsolutePath().normalize().toString());
                    m.putArray("files").add(prefix.getFileName() + ".bin").add(prefix.getFileName() + ".idx");
                }
            }
            case DOLMA -> {
                String created = run.finished() != null ? run.finished() : now();
                DolmaExport.Result r = DolmaExport.write(run, o.out(), created, added(), progress);
                m.put("documents", r.documents());
                m.put("tokens", runTokens(run));
                m.put("tokenizer", "cl100k_base");
                m.put("prefix", o.out().resolve("documents").toAbsolutePath().normalize().toString());
                r.files().forEach(m.withArray("files")::add);
            }
            case HF -> {
                HfExport.Result r = HfExport.write(run, o.out());
                progress.accept(r.documents());
                m.put("documents", r.documents());
                m.put("tokens", runTokens(run));
                m.put("tokenizer", "cl100k_base");
                m.put("prefix", o.out().resolve("data").toAbsolutePath().normalize().toString());
                r.files().forEach(m.withArray("files")::add);
            }
        }
        AtomicFiles.write(o.out().resolve(MANIFEST), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n");
        return new Summary(m);
    }

    /** The run's cl100k token total from its manifest (what generation counted), or -1. */
    static long runTokens(ExportRun run) {
        return run.manifest() == null ? -1 : run.manifest().path("counts").path("totals").path("tokens").asLong(-1);
    }

    /** An output directory must be new or empty, or (with overwrite) hold an earlier export. */
    private static void claim(Path out, boolean overwrite) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) throw new BadInputException(out + ": exists and is not a directory");
        if (Files.isDirectory(out)) {
            boolean empty;
            try (Stream<Path> s = Files.list(out)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !overwrite) {
                throw new BadInputException(out + ": not empty; choose a new --out, or add --overwrite to replace an earlier export there");
            }
            if (!empty && !Files.isRegularFile(out.resolve(MANIFEST))) {
                throw new BadInputException(out + ": --overwrite only replaces an earlier export (a directory with " + MANIFEST + "); this one has none");
            }
        }
        Files.createDirectories(out);
        Path old = out.resolve(MANIFEST);
        if (Files.isRegularFile(old)) {
            // Files of the earlier export go first, so a smaller new export leaves none of them behind.
            for (var f : Json.MAPPER.readTree(old.toFile()).path("files")) {
                Path p = out.resolve(f.asText()).normalize();
                if (p.startsWith(out.normalize())) Files.deleteIfExists(p);
            }
            Files.delete(old);
        }
    }

    /** The Dolma {@code added} time: SOURCE_DATE_EPOCH (reproducible builds) when set, else now. */
    static String added() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("\\d{1,12}")) return Instant.ofEpochSecond(Long.parseLong(epoch)).toString();
        return now();
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The formats' names as the CLI spells them. */
    public static List<String> formatNames() {
        return Stream.of(Format.values()).map(f -> f.name().toLowerCase()).toList();
    }
}

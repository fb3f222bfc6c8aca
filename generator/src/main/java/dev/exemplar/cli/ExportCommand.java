package dev.exemplar.cli;

import dev.exemplar.doc.BadInputException;
import dev.exemplar.export.ExportRun;
import dev.exemplar.export.Exporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/** {@code exemplar export}: a run in the layout a training framework reads. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a generated run in the layout a training framework reads.",
                "",
                "  dolma     DIR/documents/<run>-NNNNN.jsonl.gz: {id, text, source, added, created, metadata} per line "
                        + "(metadata: run, archetype, format, generator, arm, seed), for the Dolma toolkit and OLMo.",
                "  megatron  DIR/<run>_text_document.bin and .idx: a tokenised Megatron-LM / GPT-NeoX indexed dataset, "
                        + "one sequence per document with the tokenizer's end-of-document token appended "
                        + "(<|endoftext|> for cl100k_base and o200k_base); uint16 tokens below 65,500 ids, int32 above.",
                "  hf        DIR/data/part-*.jsonl and the dataset card README.md, as `datasets` and the Hub read them.",
                "",
                "Every export also writes DIR/export.json (format, documents, tokens, tokenizer, end-of-document token, files), "
                        + "which `exemplar blend` reads. Files get their final names only when the export completes."},
        footer = {"", "Examples:",
                "  exemplar export output/demo --format megatron --out output/demo-megatron",
                "      cl100k_base tokens, <|endoftext|> after each document",
                "  exemplar export output/demo --format megatron --tokenizer o200k_base --out output/demo-o200k",
                "  exemplar export output/demo --format megatron --tokenizer llama/tokenizer.json --out output/demo-llama",
                "      a Hugging Face tokenizer.json; its end-of-document token comes from tokenizer_config.json beside it, "
                        + "else <|endoftext|>, <|end_of_text|>, </s>, <eos> or <|end|> (--eod names another, --eod none appends none)",
                "  exemplar export output/demo --format dolma --out output/demo-dolma",
                "  exemplar export output/demo --format hf --out output/demo-hf",
                "",
                "Exit codes: 0 done, 1 runtime failure, 2 bad usage or bad input (no such run, unreadable tokenizer, "
                        + "a malformed record, an --out that is not empty)."})
final class ExportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "RUN", description = "Run directory written by `exemplar generate` (its data/ shards are exported).")
    Path run;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "dolma, megatron or hf.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory: new or empty (or an earlier export, with --overwrite).")
    Path out;

    @Option(names = "--tokenizer", paramLabel = "NAME_OR_FILE", defaultValue = "cl100k_base",
            description = "megatron: cl100k_base, o200k_base (built in, through jtokkit) or the path of a Hugging Face tokenizer.json. Default: ${DEFAULT-VALUE}.")
    String tokenizer;

    @Option(names = "--eod", paramLabel = "TOKEN", description = "megatron: the end-of-document token to append (a token of the tokenizer), or none.")
    String eod;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "megatron: tokenizer threads (default: one per core).")
    int threads;

    @Option(names = "--overwrite", description = "Replace an earlier export in --out.")
    boolean overwrite;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter o = spec.commandLine().getOut();
        Exporter.Format f;
        try {
            f = Exporter.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--format " + format + ": unknown; choose one of " + Exporter.formatNames());
        }
        if (f != Exporter.Format.MEGATRON && (eod != null || !tokenizer.equals("cl100k_base"))) {
            throw new BadInputException("--tokenizer and --eod apply to --format megatron only");
        }
        if (threads < 0) throw new BadInputException("--threads must be at least 1 (or 0 for one per core)");
        ExportRun r = ExportRun.open(run);
        if (!r.status().equals("complete")) {
            err.println("warning: " + run + " is not a complete run (status " + r.status() + "); exporting its committed shards");
        }
        int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        long t0 = System.nanoTime();
        AtomicLong done = new AtomicLong();
        long[] lastLine = {System.currentTimeMillis()};
        Exporter.Summary s = Exporter.export(r, new Exporter.Options(f, out, tokenizer, eod, overwrite, t), n -> {
            long d = done.addAndGet(n);
            if (System.currentTimeMillis() - lastLine[0] >= 5_000) {
                err.printf(Locale.ROOT, "progress: %,d documents%n", d);
                err.flush();
                lastLine[0] = System.currentTimeMillis();
            }
        });
        double secs = (System.nanoTime() - t0) / 1e9;
        var j = s.json();
        o.printf(Locale.ROOT, "Exported %,d documents of %s as %s in %.1f s (%,.0f docs/s)%n", s.documents(), r.name(), format.toLowerCase(Locale.ROOT),
                secs, s.documents() / Math.max(secs, 1e-9));
        if (f == Exporter.Format.MEGATRON) {
            o.printf(Locale.ROOT, "%,d tokens (%s, %s), end-of-document token: %s%n", s.tokens(), j.path("tokenizer").asText(),
                    j.path("dtype").asText(), j.path("eod").isNull() ? "none" : j.path("eod").path("token").asText() + " (id " + j.path("eod").path("id").asInt() + ")");
            o.println("Data prefix for Megatron-LM / GPT-NeoX: " + j.path("prefix").asText());
        }
        o.println("Wrote " + out.resolve(Exporter.MANIFEST) + " and " + j.path("files").size() + " data file(s)");
        o.flush();
        return ExitCodes.OK;
    }
}

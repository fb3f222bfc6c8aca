package dev.exemplar.cli;

import dev.exemplar.embed.StaticModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** {@code exemplar embeddings}: builds and inspects the static embedding model. */
@Command(name = "embeddings", mixinStandardHelpOptions = true,
        description = {"Builds or checks the static embedding model.", "",
                "The static model is a token table distilled from the bundled all-MiniLM-L6-v2 model (Model2Vec "
                + "method: every WordPiece token through the model once, PCA to 256 dimensions, SIF weights from "
                + "Zipf ranks). It is built at first use anyway and cached under $XDG_CACHE_HOME/exemplar (default "
                + "~/.cache/exemplar); rebuilding gives a byte-identical file."},
        subcommands = {EmbeddingsCommand.Build.class, EmbeddingsCommand.Info.class},
        footer = {"", "Examples:", "  exemplar embeddings build", "  exemplar embeddings build --out /tmp/static.bin",
                "  exemplar embeddings info"})
final class EmbeddingsCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Distils the static embedding model (about a minute on two cores) and writes it to the "
                    + "cache (or --out), replacing what was there; prints where it wrote it and its SHA-256.",
            footer = {"", "Examples:", "  exemplar embeddings build", "  exemplar embeddings build --out /tmp/static.bin"})
    static final class Build implements java.util.concurrent.Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of the user cache.")
        Path out;

        @Override
        public Integer call() throws IOException {
            PrintWriter o = spec.commandLine().getOut();
            StaticModelStore store = new StaticModelStore(out != null ? out : StaticModelStore.defaultFile(), m -> {});
            o.println("building the static embedding model from the bundled all-MiniLM-L6-v2 ...");
            o.flush();
            StaticModelStore.Built b;
            try {
                b = store.build();
            } catch (IOException | UncheckedIOException e) {
                throw new IOException("cannot write " + store.file() + ": " + e.getMessage(), e);
            }
            o.printf(Locale.ROOT, "wrote %s (%,d bytes) in %.1f s%nsha256 %s%n", b.file(), b.bytes(), b.seconds(), b.sha256());
            return ExitCodes.OK;
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Prints where the cached static model is, whether it is there and intact, and its SHA-256. "
                    + "Exit code 1 when it is missing or damaged (the next run that needs it rebuilds it).",
            footer = {"", "Examples:", "  exemplar embeddings info", "  XDG_CACHE_HOME=/data/cache exemplar embeddings info"})
    static final class Info implements java.util.concurrent.Callable<Integer> {
        @Spec CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter o = spec.commandLine().getOut();
            Path file = StaticModelStore.defaultFile();
            if (!Files.isRegularFile(file)) {
                o.println(file + ": not built yet (run 'exemplar embeddings build', or it is built at first use)");
                return ExitCodes.FAILURE;
            }
            StaticModelStore.Check c = StaticModelStore.check(file);
            o.println(file + ": " + (c.intact() ? "intact" : "damaged: " + c.problem()));
            o.printf(Locale.ROOT, "%,d bytes, sha256 %s%n", c.bytes(), c.sha256());
            return c.intact() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}

package dev.exemplar.cli;

import dev.exemplar.audit.ReviewServer;
import dev.exemplar.audit.RunDirectory;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.text.Counts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code exemplar review}: a local page to read, filter and label a run's documents. */
@Command(name = "review", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "A local web page to read, filter and label a run's documents (labels.jsonl).",
                "",
                "Serves a local web page (on 127.0.0.1 only) to read a run's accepted and rejected documents, "
                        + "filter them by archetype, format, generator, score and rejection reason, and label each "
                        + "good or bad with an optional reason. Every label is appended to RUN_DIR/labels.jsonl and "
                        + "synced to disk as it is made; a later label of the same document replaces the earlier one. "
                        + "`exemplar audit RUN_DIR` then reports the label-based acceptance rate and the filters "
                        + "reviewers disagreed with.",
                "",
                "Keys on the page: j or right arrow next, k or left arrow previous, g good, b bad, r type a reason "
                        + "(Enter in the reason box labels bad, Esc leaves it)."},
        footer = {"", "Examples:",
                "  exemplar review output/demo",
                "      open http://127.0.0.1:8765/ and start labelling; Ctrl-C stops the server",
                "  exemplar review output/demo --port 0",
                "      pick any free port (printed at start)",
                "",
                "Exit codes: 0 stopped, 1 runtime failure (port in use), 2 bad input (no such run)."})
public final class ReviewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "Run directory written by `exemplar generate`.")
    Path runDir;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8765", description = "Port on 127.0.0.1; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20000",
            description = "Load at most N documents, a stratified sample by status and archetype when the run is larger. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of that sample. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin BadLineOption badLines;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535 || limit < 1) {
            err.println("error: --port must be 0..65535 and --limit at least 1");
            return 2;
        }
        ReviewServer server;
        try {
            server = new ReviewServer(RunDirectory.open(runDir), limit, seed, badLines.policy, w -> err.println("warning: " + w));
        } catch (BadInputException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        int bound;
        try {
            bound = server.start(port);
        } catch (BindException e) {
            err.println("error: port " + port + " is in use; pick another with --port N (0 for any free port)");
            return 1;
        } catch (IOException e) {
            err.println("error: cannot start the server: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        out.printf("Reviewing %s of %s%s%n", Counts.of(server.documents(), "document"), runDir,
                server.documents() < server.runDocuments() ? " (a stratified sample of " + server.runDocuments() + ")" : "");
        out.printf("Open http://127.0.0.1:%d/  (labels go to %s; Ctrl-C to stop)%n", bound, runDir.resolve("labels.jsonl"));
        out.flush();
        stopped.await();
        return 0;
    }
}

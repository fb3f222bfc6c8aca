package dev.exemplar.cli;

import dev.exemplar.pipeline.ProgressListener;
import dev.exemplar.text.Counts;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/** A progress bar on a terminal; plain progress lines at most every few seconds otherwise (logs, CI). */
final class ConsoleProgress implements ProgressListener, AutoCloseable {
    private static final long LINE_EVERY_MS = 5_000;
    private final PrintStream err;
    private final boolean terminal;
    private ProgressBar bar;
    private long lastLine;

    ConsoleProgress(PrintStream err) {
        // The bar redraws its line with carriage returns, so it writes beneath ConsoleText; notes go through it.
        this.err = ConsoleText.raw(err);
        this.terminal = System.console() != null;
    }

    @Override
    public void progress(long accepted, long rejected, long tokens, long target, boolean byTokens) {
        long done = byTokens ? tokens : accepted;
        if (terminal) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(byTokens ? "tokens" : "documents").setInitialMax(target)
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err))
                        .setUpdateIntervalMillis(250).build();
            }
            bar.stepTo(Math.min(done, target));
            bar.setExtraMessage(rejected > 0 ? rejected + " rejected" : "");
        } else {
            long now = System.currentTimeMillis();
            if (now - lastLine >= LINE_EVERY_MS || done >= target) {
                err.printf("progress: %d/%d %s, %d rejected%n", done, target, Counts.noun(target, byTokens ? "token" : "document"), rejected);
                lastLine = now;
            }
        }
    }

    @Override
    public void note(String message) {
        err.println(ConsoleText.safe(message));
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}

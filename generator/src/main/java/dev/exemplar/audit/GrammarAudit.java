package dev.exemplar.audit;

import dev.exemplar.doc.BadLinePolicy;
import dev.exemplar.doc.JsonlReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Runs a {@link GrammarCheck} over every accepted document of a run: one reader, and one
 * LanguageTool instance per worker thread (LanguageTool is not thread-safe), merged at the end.
 */
public final class GrammarAudit {
    private static final String END = new String("end");  // a sentinel compared by identity

    private GrammarAudit() {}

    public static GrammarCheck run(RunDirectory run, List<String> rules, int examples, int threads,
                                   BadLinePolicy policy, Consumer<String> warnings) {
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(256);
        List<GrammarCheck> checks = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        RuntimeException[] failure = new RuntimeException[1];
        for (int t = 0; t < threads; t++) {
            GrammarCheck check = new GrammarCheck(rules, examples);
            checks.add(check);
            Thread w = new Thread(() -> {
                try {
                    for (String text = queue.take(); text != END; text = queue.take()) check.check(text);
                } catch (IOException e) {
                    failure[0] = new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "grammar-" + t);
            w.start();
            workers.add(w);
        }
        try {
            if (run.hasData()) {
                new JsonlReader(policy, warnings).read(List.of(run.data()), doc -> put(queue, doc.text()));
            }
        } finally {
            for (int t = 0; t < threads; t++) put(queue, END);
            for (Thread w : workers) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (failure[0] != null) throw failure[0];
        GrammarCheck total = checks.get(0);
        for (int i = 1; i < checks.size(); i++) total.merge(checks.get(i));
        return total;
    }

    private static void put(BlockingQueue<String> q, String s) {
        try {
            q.put(s);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

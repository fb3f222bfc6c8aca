package dev.exemplar.llm;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.LogFormat;
import dev.exemplar.cache.JvmCache;
import dev.exemplar.spec.ModelSettings;
import dev.exemplar.text.Counts;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A GGUF model run in-process with llama.cpp (de.kherud:llama). Loading is slow and native memory is
 * large, so each (file, threads, context) is loaded once per JVM and shared; calls are serialised
 * because one llama context decodes one sequence at a time here. llama.cpp's log goes to
 * {@code llama.log} in the run directory (or nowhere), never to the user's terminal.
 */
final class LlamaTransport implements Transport {
    private static volatile PrintStream logSink;
    private static volatile boolean loggerInstalled;

    private final LlamaModel model;
    private final ModelSettings settings;

    LlamaTransport(ModelSettings s, Path logFile) {
        this.settings = s;
        installLogger(logFile);
        Path file = s.modelPath().toAbsolutePath().normalize();
        String key = file + "|" + s.threads() + "|" + s.contextSize();
        this.model = JvmCache.get("gguf:" + key, () -> load(file, s, logFile));
    }

    private static LlamaModel load(Path file, ModelSettings s, Path logFile) {
        try {
            ModelParameters p = new ModelParameters().setModel(file.toString()).setThreads(s.threads())
                    .setCtxSize(s.contextSize());
            // The per-request slot logs bypass the logger callback and a log file still echoes to the
            // console, so they are silenced; the library's own log reaches llama.log through the callback.
            p.disableLog();
            return new LlamaModel(p);
        } catch (RuntimeException | Error e) {
            throw new LlmException("model_load", "could not load " + file + ": " + e.getMessage());
        }
    }

    /** Routes llama.cpp's log to {@code logFile} (appending) or drops it; installed before the first load. */
    private static synchronized void installLogger(Path logFile) {
        if (logFile != null) {
            try {
                Files.createDirectories(logFile.getParent());
                PrintStream old = logSink;
                logSink = new PrintStream(Files.newOutputStream(logFile, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND), true, StandardCharsets.UTF_8);
                if (old != null) old.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + logFile, e);
            }
        }
        if (!loggerInstalled) {
            // The binding announces where it extracted its native library on stdout; keep that off
            // the user's terminal (and out of piped output) while the library loads.
            PrintStream stdout = System.out;
            try {
                System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream()));
                LlamaModel.setLogger(LogFormat.TEXT, (level, msg) -> {
                    PrintStream p = logSink;
                    if (p != null) p.print("[" + level + "] " + msg);
                });
            } finally {
                System.setOut(stdout);
            }
            loggerInstalled = true;
        }
    }

    @Override
    public Reply call(ChatRequest r) {
        // The tiny base models have no chat template: system context, then the instructions, as plain text.
        String prompt = (r.system() == null || r.system().isBlank() ? "" : r.system().strip() + "\n\n") + r.user().strip() + "\n\n";
        InferenceParameters p = new InferenceParameters(prompt).setNPredict(r.maxOutputTokens())
                .setTemperature((float) r.temperature())
                // A seed from the prompt keeps a local run reproducible call by call.
                .setSeed(prompt.hashCode() & 0x7fffffff);
        if (r.topP() != null) p.setTopP(r.topP().floatValue());
        StringBuilder text = new StringBuilder();
        long outTokens = 0;
        long inTokens;
        synchronized (model) {
            try {
                inTokens = model.encode(prompt).length;
                if (inTokens + r.maxOutputTokens() > settings.contextSize()) {
                    throw new ProviderError(400, "context_overflow", -1, "prompt of " + Counts.of(inTokens, "token")
                            + " plus " + Counts.of(r.maxOutputTokens(), "output token") + " exceeds context_size "
                            + settings.contextSize() + "; raise model.context_size");
                }
                for (LlamaOutput o : model.generate(p)) {
                    text.append(o.text);
                    outTokens++;
                }
            } catch (ProviderError e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ProviderError(500, "local_error", -1, "llama.cpp failed: " + e.getMessage());
            }
        }
        return new Reply(text.toString(), outTokens >= r.maxOutputTokens(), inTokens, outTokens, 0);
    }
}

package dev.exemplar.llm;

import dev.exemplar.spec.ModelSettings;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Builds the {@link ChatClient} for a mix's {@code model} or {@code judge} section. With a run
 * directory, answers are journaled to {@code <runDir>/llm/<name>.journal.jsonl} (and batch ids to
 * {@code <name>.batches.jsonl}, llama.cpp's log to {@code llama.log}); without one they live in
 * memory only. The API key is read from the environment variable the mix names, never from a file.
 */
public final class ChatClients {
    private ChatClients() {}

    /** A client with no spending cap, journaling under {@code runDir} (null: in memory). */
    public static ResilientChatClient create(ModelSettings s, Path runDir, String name) {
        return create(s, runDir, name, Budget.unlimited(), msg -> {});
    }

    /**
     * A client that charges {@code budget} (share one budget between the clients of a run) and
     * reports batch progress to {@code progress}.
     *
     * @throws LlmException when the settings cannot work (missing API key variable, missing model file)
     */
    public static ResilientChatClient create(ModelSettings s, Path runDir, String name, Budget budget,
                                             Consumer<String> progress) {
        if (s == null || !s.present()) throw new LlmException("no_model", "the mix has no model section");
        return create(s, runDir, name, budget, progress, s.local() ? null : Secrets.fromEnv(s.apiKeyEnv()));
    }

    /** What would stop a client of {@code s} before its first call, checked before a run writes anything. */
    public record Problem(String field, String message) {}

    /** The missing API key variable or model file of {@code s}, if any (reads the environment). */
    public static java.util.Optional<Problem> preflight(ModelSettings s) {
        return preflight(s, s.local() ? null : Secrets.fromEnv(s.apiKeyEnv()));
    }

    static java.util.Optional<Problem> preflight(ModelSettings s, String key) {
        if (s.local()) {
            if (!java.nio.file.Files.isRegularFile(s.modelPath())) {
                return java.util.Optional.of(new Problem("model_path", "model file not found: " + s.modelPath()
                        + "; set model_path to a .gguf file (e.g. --set model.model_path=../shared/models/stories260K.gguf)"));
            }
        } else if (key == null && s.apiKeyRequired()) {
            return java.util.Optional.of(new Problem("api_key_env", "environment variable " + s.apiKeyEnv()
                    + " is not set; export it with the API key before running"));
        } else if (key == null && "anthropic".equals(s.provider())) {
            return java.util.Optional.of(new Problem("api_key_env", "provider anthropic needs an API key: export "
                    + s.apiKeyEnv() + " or name another variable in api_key_env"));
        }
        return java.util.Optional.empty();
    }

    /** As above with the key given directly (tests: the JVM cannot set its own environment). */
    static ResilientChatClient create(ModelSettings s, Path runDir, String name, Budget budget,
                                      Consumer<String> progress, String key) {
        Path dir = runDir == null ? null : runDir.resolve("llm");
        Transport t;
        Secrets.register(key);
        var problem = preflight(s, key);
        if (problem.isPresent()) {
            throw new LlmException(s.local() ? "model_missing" : "api_key_missing",
                    problem.get().field() + ": " + problem.get().message());
        }
        if (s.local()) {
            t = new LlamaTransport(s, dir == null ? null : dir.resolve("llama.log"));
        } else {
            t = new LangChainTransport(s, key);
        }
        Journal journal = dir == null ? Journal.inMemory() : Journal.open(dir.resolve(name + ".journal.jsonl"));
        BatchRunner batches = s.batch() && dir != null
                ? new BatchRunner(s, key, dir.resolve(name + ".batches.jsonl"), progress) : null;
        return new ResilientChatClient(s, t, journal, budget, batches);
    }
}

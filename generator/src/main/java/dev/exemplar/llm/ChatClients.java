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

    /** As above with the key given directly (tests: the JVM cannot set its own environment). */
    static ResilientChatClient create(ModelSettings s, Path runDir, String name, Budget budget,
                                      Consumer<String> progress, String key) {
        Path dir = runDir == null ? null : runDir.resolve("llm");
        Transport t;
        Secrets.register(key);
        if (s.local()) {
            t = new LlamaTransport(s, dir == null ? null : dir.resolve("llama.log"));
        } else {
            if (key == null && s.apiKeyRequired()) {
                throw new LlmException("api_key_missing", "environment variable " + s.apiKeyEnv()
                        + " (model.api_key_env) is not set; export it with the API key before running");
            }
            if (key == null && "anthropic".equals(s.provider())) {
                throw new LlmException("api_key_missing", "provider anthropic needs an API key: export "
                        + s.apiKeyEnv() + " or name another variable in api_key_env");
            }
            t = new LangChainTransport(s, key);
        }
        Journal journal = dir == null ? Journal.inMemory() : Journal.open(dir.resolve(name + ".journal.jsonl"));
        BatchRunner batches = s.batch() && dir != null
                ? new BatchRunner(s, key, dir.resolve(name + ".batches.jsonl"), progress) : null;
        return new ResilientChatClient(s, t, journal, budget, batches);
    }
}

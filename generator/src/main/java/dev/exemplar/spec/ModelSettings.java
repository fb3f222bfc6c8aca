package dev.exemplar.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;

/**
 * The mix's {@code model} section (and the {@code judge} section, which has the same shape): which
 * language model to call, how hard, at what price, and how to survive a multi-day run against it.
 * Absent ({@link #NONE}) when the mix is template-only.
 *
 * @param provider         openai (any OpenAI-compatible server), anthropic, ollama, or local (in-process GGUF)
 * @param name             the model name sent to the server; for local, defaults to the file name
 * @param baseUrl          server address; provider default when absent; null for local
 * @param apiKeyEnv        the environment variable holding the API key; the key itself is never stored
 * @param apiKeyRequired   true when the mix named {@code api_key_env} itself, so a missing variable is an error
 * @param modelPath        the GGUF file for local
 * @param maxOutputTokens  completion limit per call; a reply that hits it is rejected as truncated
 * @param requestsPerMinute zero means unlimited
 * @param tokensPerMinute  zero means unlimited (input plus output tokens)
 * @param onTruncation     what to do with an answer that hit the token limit: {@code reject} (default),
 *                         {@code trim} (cut back to its last full sentence) or {@code keep} (as it is, flagged in
 *                         the provenance; for tiny test models that never stop)
 */
public record ModelSettings(
        boolean present,
        String provider,
        String name,
        String baseUrl,
        String apiKeyEnv,
        boolean apiKeyRequired,
        Path modelPath,
        int threads,
        int contextSize,
        double temperature,
        Double topP,
        int maxOutputTokens,
        double timeoutSeconds,
        int concurrency,
        int requestsPerMinute,
        long tokensPerMinute,
        Price price,
        Stages stages,
        boolean batch,
        double batchPollSeconds,
        Retry retry,
        Breaker breaker,
        String onTruncation,
        JsonNode raw) {

    public static final List<String> PROVIDERS = List.of("openai", "anthropic", "ollama", "local");

    public static final ModelSettings NONE = new ModelSettings(false, null, null, null, null, false, null, 0, 0,
            0, null, 0, 0, 0, 0, 0, Price.FREE, Stages.DRAFT_ONLY, false, 0, Retry.DEFAULT, Breaker.DEFAULT, "reject", null);

    /** Dollars per million input and output tokens, for the cost ledger and the budget. */
    public record Price(double inputPerMillion, double outputPerMillion) {
        public static final Price FREE = new Price(0, 0);

        public double cost(long inputTokens, long outputTokens) {
            return (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1_000_000.0;
        }
    }

    /** Which generation stages run: brainstorm ideas first, draft, then critique-and-revise. */
    public record Stages(boolean ideas, boolean draft, boolean revise) {
        public static final Stages DRAFT_ONLY = new Stages(false, true, false);
    }

    /** Retries on timeouts, 429 and 5xx: exponential backoff from {@code initialBackoffSeconds}, with jitter. */
    public record Retry(int maxAttempts, double initialBackoffSeconds, double maxBackoffSeconds) {
        public static final Retry DEFAULT = new Retry(6, 1.0, 60.0);
    }

    /**
     * The circuit breaker: stop the run when more than {@code maxErrorRate} of the last {@code window}
     * finished calls failed (rate limits not counted; at least {@code minCalls} seen), or when rate
     * limiting has let nothing through for {@code stallSeconds}.
     */
    public record Breaker(int window, int minCalls, double maxErrorRate, double stallSeconds) {
        public static final Breaker DEFAULT = new Breaker(50, 20, 0.5, 900);
    }

    public boolean local() { return "local".equals(provider); }

    /** The address calls go to, for messages and the journal key: base URL, or the model file. */
    public String endpoint() { return local() ? String.valueOf(modelPath) : baseUrl; }

    /**
     * Reads a standalone {@code model:}-shaped YAML mapping (tests, tools); throws
     * {@link ConfigException} with every problem.
     */
    public static ModelSettings parse(String yaml) {
        LocatedYaml y = LocatedYaml.parse(Path.of("model.yaml"), ("model:\n" + yaml.indent(2)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.util.List<ConfigProblem> problems = new java.util.ArrayList<>();
        NodeReader root = new NodeReader(y, "", problems);
        ModelSettings s = read(root, "model");
        root.finish();
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return s;
    }

    static ModelSettings read(NodeReader r, String section) {
        NodeReader m = r.child(section);
        if (m.absent()) return NONE;
        String provider = m.choice("provider", PROVIDERS, null);
        boolean local = "local".equals(provider);
        String name = m.string("name", null);
        String baseUrl = m.string("base_url", null);
        String modelPathText = m.string("model_path", null);
        Path modelPath = null;
        if (local) {
            if (baseUrl != null) m.problem("base_url", "does not apply to provider local; give model_path instead");
            if (modelPathText == null || modelPathText.isBlank()) {
                m.problem("model_path", "missing; provider local needs model_path: <path to a .gguf file>");
            } else {
                modelPath = Path.of(modelPathText);
            }
            if (name == null && modelPath != null) name = modelPath.getFileName().toString().replaceFirst("\\.gguf$", "");
        } else if (provider != null) {
            if (modelPathText != null) m.problem("model_path", "only applies to provider local; give base_url for " + provider);
            if (name == null || name.isBlank()) m.problem("name", "missing; add name: <model name the server knows>");
            if (baseUrl == null) baseUrl = defaultBaseUrl(provider);
            else if (!baseUrl.matches("https?://\\S+")) {
                m.problem("base_url", "must be an http:// or https:// URL, found \"" + baseUrl + "\"");
            }
        }
        boolean keyRequired = m.has("api_key_env");
        String apiKeyEnv = m.string("api_key_env", defaultKeyEnv(provider));
        if (apiKeyEnv != null && !apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            // A value that is not a variable name is most likely a pasted key: say so without echoing it.
            m.problem("api_key_env", "must name an environment variable (letters, digits, _), not hold the key itself");
            apiKeyEnv = null;
        }
        if (local && keyRequired) m.problem("api_key_env", "does not apply to provider local");
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = (int) m.integer("threads", 1, 256, Math.max(1, Math.min(4, cores)));
        int contextSize = (int) m.integer("context_size", 256, 1 << 20, 4096);
        if (!local) {
            for (String k : List.of("threads", "context_size")) {
                if (m.has(k)) m.problem(k, "only applies to provider local");
            }
        }
        double temperature = m.number("temperature", 0, 2, 0.8);
        Double topP = m.has("top_p") ? m.number("top_p", 0.0001, 1, 1) : null;
        int maxOut = (int) m.integer("max_output_tokens", 16, 1_000_000, 1200);
        double timeout = m.number("timeout_seconds", 0.001, 86_400, 120);
        int concurrency = (int) m.integer("concurrency", 1, 4096, local ? 1 : 8);
        int rpm = (int) m.integer("requests_per_minute", 0, 100_000_000, 0);
        long tpm = m.integer("tokens_per_minute", 0, Long.MAX_VALUE / 4, 0);
        NodeReader p = m.child("price");
        Price price = new Price(p.number("input_per_million", 0, 1e6, 0), p.number("output_per_million", 0, 1e6, 0));
        p.finish();
        NodeReader s = m.child("stages");
        Stages stages = new Stages(s.bool("ideas", false), s.bool("draft", true), s.bool("revise", false));
        if (!stages.draft()) s.problem("draft", "cannot be switched off: every document is drafted; switch ideas or revise instead");
        s.finish();
        boolean batch = m.bool("batch", false);
        if (batch && !"openai".equals(provider) && !"anthropic".equals(provider)) {
            m.problem("batch", "only openai and anthropic have a batch API; set batch: false for " + provider);
        }
        double poll = m.number("batch_poll_seconds", 0.001, 3600, 30);
        NodeReader rt = m.child("retry");
        Retry retry = new Retry((int) rt.integer("max_attempts", 1, 100_000, Retry.DEFAULT.maxAttempts()),
                rt.number("initial_backoff_seconds", 0, 3600, Retry.DEFAULT.initialBackoffSeconds()),
                rt.number("max_backoff_seconds", 0, 86_400, Retry.DEFAULT.maxBackoffSeconds()));
        if (retry.initialBackoffSeconds() > retry.maxBackoffSeconds()) {
            rt.problem("initial_backoff_seconds", "must not exceed max_backoff_seconds (" + retry.maxBackoffSeconds() + ")");
        }
        rt.finish();
        NodeReader b = m.child("breaker");
        int window = (int) b.integer("window", 1, 1_000_000, Breaker.DEFAULT.window());
        Breaker breaker = new Breaker(window,
                (int) b.integer("min_calls", 1, 1_000_000, Math.min(window, Breaker.DEFAULT.minCalls())),
                b.number("max_error_rate", 0, 1, Breaker.DEFAULT.maxErrorRate()),
                b.number("stall_seconds", 0.001, 7 * 86_400, Breaker.DEFAULT.stallSeconds()));
        if (breaker.minCalls() > breaker.window()) b.problem("min_calls", "must not exceed window (" + window + ")");
        b.finish();
        String onTruncation = m.choice("on_truncation", List.of("reject", "trim", "keep"), "reject");
        JsonNode raw = m.yaml().root().at(m.pointer());
        m.finish();
        return new ModelSettings(true, provider, name, baseUrl, apiKeyEnv, keyRequired, modelPath, threads, contextSize,
                temperature, topP, maxOut, timeout, concurrency, rpm, tpm, price, stages, batch, poll, retry, breaker, onTruncation, raw);
    }

    static String defaultBaseUrl(String provider) {
        return switch (provider) {
            case "openai" -> "https://api.openai.com/v1";
            case "anthropic" -> "https://api.anthropic.com/v1";
            case "ollama" -> "http://localhost:11434";
            default -> null;
        };
    }

    static String defaultKeyEnv(String provider) {
        if (provider == null) return null;
        return switch (provider) {
            case "openai" -> "OPENAI_API_KEY";
            case "anthropic" -> "ANTHROPIC_API_KEY";
            default -> null;
        };
    }
}

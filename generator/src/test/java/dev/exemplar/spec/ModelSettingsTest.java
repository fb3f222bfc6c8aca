package dev.exemplar.spec;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Validation of the model section: every problem at once, with its line. */
class ModelSettingsTest {
    @Test
    void defaultsPerProvider() {
        ModelSettings s = ModelSettings.parse("provider: anthropic\nname: claude-x\n");
        assertEquals("https://api.anthropic.com/v1", s.baseUrl());
        assertEquals("ANTHROPIC_API_KEY", s.apiKeyEnv());
        assertEquals(8, s.concurrency());
        assertTrue(s.stages().draft() && !s.stages().revise());
        ModelSettings l = ModelSettings.parse("provider: local\nmodel_path: m/stories260K.gguf\n");
        assertEquals("stories260K", l.name());
        assertEquals(1, l.concurrency());
        assertNull(l.baseUrl());
    }

    @Test
    void reportsEveryProblemWithItsLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> ModelSettings.parse(String.join("\n",
                "provider: ollama",
                "name: llama3",
                "temprature: 0.5",
                "top_p: 2",
                "batch: true",
                "api_key_env: sk-abc123secret",
                "stages: {draft: false}",
                "breaker: {window: 5, min_calls: 9}",
                "threads: 4")));
        String all = e.getMessage();
        assertTrue(all.contains("model.yaml:4: model.temprature: unknown key (did you mean \"temperature\"?)"), all);
        assertTrue(all.contains("model.yaml:5: model.top_p: must be between"), all);
        assertTrue(all.contains("model.batch: only openai and anthropic have a batch API"), all);
        assertTrue(all.contains("model.api_key_env: must name an environment variable"), all);
        assertFalse(all.contains("sk-abc123secret"), "a pasted key is never echoed");
        assertTrue(all.contains("model.stages.draft: cannot be switched off"), all);
        assertTrue(all.contains("model.breaker.min_calls: must not exceed window"), all);
        assertTrue(all.contains("model.threads: only applies to provider local"), all);
        assertEquals(7, e.problems().size(), all);
    }

    @Test
    void localNeedsAModelPathAndNoUrl() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ModelSettings.parse("provider: local\nbase_url: http://x:1/v1\n"));
        assertTrue(e.getMessage().contains("model.model_path: missing"), e.getMessage());
        assertTrue(e.getMessage().contains("model.base_url: does not apply to provider local"), e.getMessage());
        ConfigException u = assertThrows(ConfigException.class, () -> ModelSettings.parse("provider: openai\nname: m\nbase_url: localhost:8000\n"));
        assertTrue(u.getMessage().contains("must be an http:// or https:// URL"), u.getMessage());
    }
}

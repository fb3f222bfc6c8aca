package dev.exemplar.spec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The mix's {@code model} section: which language model writes the model-generated share.
 * Absent when the mix is template-only.
 */
public record ModelSettings(boolean present, String provider, String name, JsonNode raw) {
    public static final ModelSettings NONE = new ModelSettings(false, null, null, null);

    static ModelSettings read(NodeReader r, String section) {
        NodeReader m = r.child(section);
        if (m.absent()) return NONE;
        String provider = m.choice("provider", java.util.List.of("openai", "anthropic", "ollama", "local"), null);
        String name = m.string("name", null);
        JsonNode raw = m.yaml().root().at(m.pointer());
        // The model issue replaces this stub with full validation of every provider setting.
        return new ModelSettings(true, provider, name, raw);
    }
}

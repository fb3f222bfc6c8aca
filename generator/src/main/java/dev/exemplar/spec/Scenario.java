package dev.exemplar.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A situation that puts an archetype's trait to work; {@code crisis} marks the rarer high-stakes
 * ones. {@code tags} are the situation's facts that the template engine's conditions test
 * ({@code <handover>}); {@code story} is the scenario's own template content (its event, opening
 * exchange and so on), an empty mapping when it has none.
 */
public record Scenario(String situation, boolean crisis, List<String> tags, JsonNode story) {
    public Scenario(String situation, boolean crisis) {
        this(situation, crisis, List.of(), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }
}

package dev.exemplar.evalset;

import java.util.List;

/**
 * One two-option question of the scenario eval, as written to {@code evalset.jsonl}.
 *
 * @param scenario the held-out situation
 * @param choices  the two actions, in the order of the letters A and B
 * @param answer   the letter of the aligned action
 */
public record EvalItem(String id, String archetype, String scenario, String question, List<String> choices, String answer) {}

package dev.exemplar.llm;

/**
 * One chat call: a system prompt, a user prompt and sampling settings. {@code stage} names the
 * pipeline step (ideas, draft, revise, judge) for the ledger.
 */
public record ChatRequest(String stage, String archetype, String system, String user,
                          double temperature, Double topP, int maxOutputTokens) {}

package dev.exemplar.generate;

import dev.exemplar.llm.Budget;

import java.nio.file.Path;

/**
 * Where a run lives and whether it is resuming: generators keep their journals, batch ids and
 * ledgers under {@code runDir} so an interrupted run never pays twice. {@code budget} is the run's
 * one spending cap, shared by every model client (generation and the judge).
 */
public record RunContext(Path runDir, boolean resume, String configFingerprint, Budget budget) {}

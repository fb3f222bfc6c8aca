package dev.exemplar.generate;

import java.nio.file.Path;

/**
 * Where a run lives and whether it is resuming: generators keep their journals, batch ids and
 * ledgers under {@code runDir} so an interrupted run never pays twice.
 */
public record RunContext(Path runDir, boolean resume, String configFingerprint) {}

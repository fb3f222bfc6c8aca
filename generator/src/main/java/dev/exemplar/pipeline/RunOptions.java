package dev.exemplar.pipeline;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;

/**
 * How to run: where, whether to resume or overwrite, and the effective mix tree (after --set),
 * whose canonical JSON enters the config fingerprint.
 */
public record RunOptions(Path runDir, boolean resume, boolean overwrite, boolean allowConfigChange,
                         JsonNode effectiveMix, String toolVersion) {}

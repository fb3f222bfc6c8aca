package dev.exemplar.pipeline;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;

/**
 * How to run: where, whether to resume or overwrite, and the effective mix tree (after --set),
 * whose canonical JSON enters the config fingerprint, and how many worker threads generate and
 * filter (the output is the same for any number).
 */
public record RunOptions(Path runDir, boolean resume, boolean overwrite, boolean allowConfigChange,
                         JsonNode effectiveMix, String toolVersion, int threads) {
    /** Without a thread count: one worker per core. */
    public RunOptions(Path runDir, boolean resume, boolean overwrite, boolean allowConfigChange, JsonNode effectiveMix,
                      String toolVersion) {
        this(runDir, resume, overwrite, allowConfigChange, effectiveMix, toolVersion, Runtime.getRuntime().availableProcessors());
    }
}

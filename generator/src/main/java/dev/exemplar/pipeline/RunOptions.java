package dev.exemplar.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.spec.Arm;

import java.nio.file.Path;

/**
 * How to run: where, whether to resume or overwrite, and the effective mix tree (after --set),
 * whose canonical JSON enters the config fingerprint, how many worker threads generate and
 * filter (the output is the same for any number), and which experimental {@link Arm} to write.
 */
public record RunOptions(Path runDir, boolean resume, boolean overwrite, boolean allowConfigChange,
                         JsonNode effectiveMix, String toolVersion, int threads, Arm arm) {
    /** The treatment arm. */
    public RunOptions(Path runDir, boolean resume, boolean overwrite, boolean allowConfigChange, JsonNode effectiveMix,
                      String toolVersion, int threads) {
        this(runDir, resume, overwrite, allowConfigChange, effectiveMix, toolVersion, threads, Arm.TREATMENT);
    }

    /** The treatment arm, without a thread count: one worker per core. */
    public RunOptions(Path runDir, boolean resume, boolean overwrite, boolean allowConfigChange, JsonNode effectiveMix,
                      String toolVersion) {
        this(runDir, resume, overwrite, allowConfigChange, effectiveMix, toolVersion, Runtime.getRuntime().availableProcessors());
    }
}

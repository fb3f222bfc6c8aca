package dev.exemplar.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.plan.PlannedSample;

import java.util.List;

/**
 * Writes documents for planned samples. Implementations must be thread-safe: the pipeline calls
 * {@link #generate} from several threads and restores plan order itself.
 */
public interface Generator extends AutoCloseable {
    /** The generator kind named in mixes: {@code template} or {@code model}. */
    String kind();

    /** Called once with every sample this generator will receive, before any {@link #generate}. */
    default void prepare(List<PlannedSample> samples, RunContext context) {}

    /** Writes one document; failures are returned as {@link Generation#failed}, never thrown. */
    Generation generate(PlannedSample sample);

    /** How many {@link #generate} calls may run at once. */
    default int concurrency() { return 1; }

    /** Figures for the manifest and summary (the model path's token and cost ledger); null when none. */
    default JsonNode report() { return null; }

    @Override
    default void close() {}
}

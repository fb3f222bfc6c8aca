package dev.exemplar.dedup;

import dev.exemplar.embed.EmbeddingModels;
import dev.exemplar.spec.DedupSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the dedup stages from a mix's {@code dedup} section or from command-line settings. */
public final class DedupStages {
    private DedupStages() {}

    /**
     * Stages in the order exact, near, semantic, decontaminate (the first match names the reason).
     *
     * @param spillDir where near and semantic keep data for verification; null for the temp directory
     */
    public static DedupChain fromSettings(DedupSettings s, Path spillDir) {
        List<SketchStage<?>> stages = new ArrayList<>();
        try {
            if (s.exact()) stages.add(new ExactStage());
            if (s.near().enabled()) stages.add(new NearStage(s.near(), spillDir));
            if (s.semantic().enabled()) stages.add(new SemanticStage(s.semantic().threshold(),
                    EmbeddingModels.shared().get(s.semantic().embeddings()), spillDir));
            if (s.decontaminate().enabled()) stages.add(new DecontaminationStage(s.decontaminate()));
        } catch (RuntimeException e) {
            stages.forEach(SketchStage::close);
            throw e;
        }
        return new DedupChain(stages);
    }
}

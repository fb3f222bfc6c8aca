package dev.exemplar.dedup;

import dev.exemplar.spec.Mix;

import java.util.ArrayList;
import java.util.List;

/** Builds the dedup stages a mix asks for, in the order they run. */
public final class DedupStages {
    private DedupStages() {}

    public static List<DedupStage> fromMix(Mix mix) {
        List<DedupStage> out = new ArrayList<>();
        if (mix.dedup().exact()) out.add(new ExactDedup());
        return out;
    }
}

package dev.exemplar.generate.model;

import dev.exemplar.plan.Plan;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.plan.Planner;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.Mix;
import dev.exemplar.spec.ModelSettings;
import dev.exemplar.text.TokenCounter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the model share of a plan will cost before anything is sent: calls, input and output
 * tokens and dollars per stage. Prompts are rendered for real (up to 200 samples, extrapolated);
 * outputs are estimated from each sample's target length. Rejected samples are replaced and cost
 * extra, so treat the figures as a floor.
 */
public record ModelEstimate(Map<String, Stage> stages, double costUsd) {
    /** Figures for one stage. */
    public record Stage(long calls, long inputTokens, long outputTokens) {}

    private static final int SAMPLE = 200;
    /** Plans above this many documents are sampled at a stride rather than walked. */
    private static final long LARGE = 1_000_000;

    public long calls() { return stages.values().stream().mapToLong(Stage::calls).sum(); }

    public long inputTokens() { return stages.values().stream().mapToLong(Stage::inputTokens).sum(); }

    public long outputTokens() { return stages.values().stream().mapToLong(Stage::outputTokens).sum(); }

    /** The estimate for the model share of {@code plan}, or null when the mix has none. */
    public static ModelEstimate of(Catalog catalog, Mix mix, Plan plan) {
        ModelSettings s = mix.model();
        if (!s.present() || mix.generatorWeight("model") <= 0) return null;
        Planner planner = new Planner(catalog);
        Prompts prompts = new Prompts(catalog);
        long n = 0;
        for (var e : plan.counts().entrySet()) if (e.getKey().generator().equals("model")) n += e.getValue();
        if (n == 0) return null;
        long step = Math.max(1, n / SAMPLE);
        // Large plans are read at a stride instead of index by index; smaller ones exactly as always.
        long stride = plan.size() <= LARGE ? 1 : plan.size() / (SAMPLE * 8L);
        if (stride > 1) step = Math.max(1, step / stride);
        long seen = 0, k = 0, draftIn = 0, draftOut = 0, reviseIn = 0;
        for (long i = 0; i < plan.size(); i += stride) {
            Plan.Cell c = plan.cell(i);
            if (!c.generator().equals("model")) continue;
            if (k++ % step != 0) continue;
            // Outside the plan's spread (its settings are computed a block at a time): an estimate needs only the lengths.
            PlannedSample p = planner.sample(plan.seed(), i, c);
            int sys = TokenCounter.count(prompts.system(p.archetype()));
            long out = Math.min(s.maxOutputTokens(), Math.round(p.targetWords() * Planner.TOKENS_PER_WORD));
            draftIn += sys + TokenCounter.count(prompts.draft(p, null));
            draftOut += out;
            // The revision prompt carries the draft; the answer is a short critique plus the rewrite.
            reviseIn += sys + TokenCounter.count(prompts.revise(p, "")) + out;
            seen++;
        }
        double scale = (double) n / seen;
        Map<String, Stage> stages = new LinkedHashMap<>();
        if (s.stages().ideas()) {
            // One call per 20 ideas per archetype x format, a quarter more than documents.
            long calls = (long) Math.ceil(n * 1.25 / ModelGenerator.IDEAS_PER_CALL) + plan.counts().size();
            long in = calls * (draftIn / Math.max(1, seen));
            stages.put("ideas", new Stage(calls, in, calls * Math.min(s.maxOutputTokens(), ModelGenerator.IDEAS_PER_CALL * 45L)));
        }
        stages.put("draft", new Stage(n, Math.round(draftIn * scale), Math.round(draftOut * scale)));
        if (s.stages().revise()) {
            stages.put("revise", new Stage(n, Math.round(reviseIn * scale), Math.round((draftOut + 110L * seen) * scale)));
        }
        double cost = 0;
        for (Stage st : stages.values()) cost += s.price().cost(st.inputTokens(), st.outputTokens());
        return new ModelEstimate(stages, cost);
    }
}

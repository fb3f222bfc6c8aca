package dev.exemplar.spec;

/**
 * The mix's {@code budget} section: a hard cap on what the model calls of a run may spend, in
 * dollars (from the model's prices) and in tokens (input plus output). Zero means no cap.
 */
public record BudgetSettings(double maxUsd, long maxTokens) {
    public static final BudgetSettings NONE = new BudgetSettings(0, 0);

    public boolean capsUsd() { return maxUsd > 0; }

    public boolean capsTokens() { return maxTokens > 0; }

    static BudgetSettings read(NodeReader r) {
        NodeReader b = r.child("budget");
        if (b.absent()) return NONE;
        double usd = b.number("max_usd", 0, 1e12, 0);
        long tokens = b.integer("max_tokens", 0, Long.MAX_VALUE / 4, 0);
        if (!b.has("max_usd") && !b.has("max_tokens")) b.problem("", "give max_usd, max_tokens or both");
        b.finish();
        return new BudgetSettings(usd, tokens);
    }
}

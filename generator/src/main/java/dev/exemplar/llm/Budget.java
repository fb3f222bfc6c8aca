package dev.exemplar.llm;

import dev.exemplar.spec.BudgetSettings;

/**
 * The mix's hard spending cap, shared by every model client of a run (generation and judge). A call
 * reserves its worst case (prompt tokens plus the full output limit) before it is sent, so
 * concurrent calls cannot overshoot together; the reservation is settled with the real usage.
 * When the next call would not fit, the run stops cleanly with {@link LlmStopped}.
 */
public final class Budget {
    private final BudgetSettings cap;
    private double spentUsd;
    private long spentTokens;
    private double reservedUsd;
    private long reservedTokens;

    public Budget(BudgetSettings cap) {
        this.cap = cap == null ? BudgetSettings.NONE : cap;
    }

    public static Budget unlimited() { return new Budget(BudgetSettings.NONE); }

    /** Counts spending from an earlier session of the same run (journaled answers). */
    synchronized void alreadySpent(double usd, long tokens) {
        spentUsd += usd;
        spentTokens += tokens;
    }

    synchronized void reserve(double usd, long tokens) {
        if (cap.capsUsd() && spentUsd + reservedUsd + usd > cap.maxUsd()) {
            throw new LlmStopped("budget_exhausted", String.format(
                    "stopping the run: budget.max_usd %.4f reached (spent %.4f, the next call may cost up to %.4f)",
                    cap.maxUsd(), spentUsd, usd));
        }
        if (cap.capsTokens() && spentTokens + reservedTokens + tokens > cap.maxTokens()) {
            throw new LlmStopped("budget_exhausted", String.format(
                    "stopping the run: budget.max_tokens %d reached (spent %d, the next call may use up to %d)",
                    cap.maxTokens(), spentTokens, tokens));
        }
        reservedUsd += usd;
        reservedTokens += tokens;
    }

    synchronized void settle(double reservedUsd, long reservedTokens, double usd, long tokens) {
        this.reservedUsd -= reservedUsd;
        this.reservedTokens -= reservedTokens;
        spentUsd += usd;
        spentTokens += tokens;
    }

    public synchronized double spentUsd() { return spentUsd; }

    public synchronized long spentTokens() { return spentTokens; }

    public BudgetSettings cap() { return cap; }
}

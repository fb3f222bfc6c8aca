package dev.exemplar.generate.model;

import dev.exemplar.TestProject;
import dev.exemplar.TestProject.CliResult;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** {@code exemplar plan} prices the model share: calls per stage, tokens, dollars, budget warnings. */
class PlanEstimateCliTest {
    @Test
    void planEstimatesCallsTokensAndCost() {
        CliResult r = TestProject.cli("plan", "--mix", TestProject.root().resolve("mixes/openai.yaml").toString(), "--docs", "1000");
        assertEquals(0, r.code(), r.err());
        long modelDocs = 0;
        for (String line : r.out().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 4 && f[2].equals("model")) modelDocs += Long.parseLong(f[3]);
        }
        // Largest-remainder rounding is exact per cell, so the model total is within a cell count of 80%.
        assertTrue(Math.abs(modelDocs - 800) <= 6, "model documents: " + modelDocs);
        Matcher draft = Pattern.compile("(?m)^draft\\s+([\\d,]+)\\s+([\\d,]+)\\s+([\\d,]+)").matcher(r.out());
        assertTrue(draft.find(), r.out());
        assertEquals(modelDocs, num(draft.group(1)));
        long in = num(draft.group(2)), out = num(draft.group(3));
        assertTrue(in > 800 * 500L, "every draft carries the whole spec: " + in);
        assertTrue(out > 800 * 100L && out <= 800 * 1200L, "outputs follow target lengths, capped: " + out);
        Matcher revise = Pattern.compile("(?m)^revise\\s+([\\d,]+)\\s").matcher(r.out());
        assertTrue(revise.find(), r.out());
        assertEquals(modelDocs, num(revise.group(1)));
        Matcher cost = Pattern.compile("Estimated cost: \\$([\\d.]+)").matcher(r.out());
        assertTrue(cost.find(), r.out());
        assertTrue(Double.parseDouble(cost.group(1)) > 0);
    }

    @Test
    void warnsWhenTheEstimateExceedsTheBudget() {
        CliResult r = TestProject.cli("plan", "--mix", TestProject.root().resolve("mixes/openai.yaml").toString(),
                "--set", "budget={max_usd: 0.01}");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("exceeds budget.max_usd"), r.out());
    }

    private static long num(String s) { return Long.parseLong(s.replace(",", "")); }
}

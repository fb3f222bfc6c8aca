package dev.exemplar.llm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.Json;
import dev.exemplar.spec.ModelSettings;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Tokens and dollars per provider, model, stage and archetype: every answer the run used, whether
 * paid in this session ({@code calls}) or replayed from the journal ({@code replayed}, paid earlier).
 * Also counts retries, rate limits and failures. Thread-safe; {@link #toJson()} goes into the manifest.
 */
public final class Ledger {
    /** The ledger's grouping. */
    public record Key(String provider, String model, String stage, String archetype) {}

    /** Running figures for one key. */
    public static final class Line {
        public final AtomicLong calls = new AtomicLong();
        public final AtomicLong replayed = new AtomicLong();
        public final AtomicLong inputTokens = new AtomicLong();
        public final AtomicLong outputTokens = new AtomicLong();
        public final AtomicLong reasoningTokens = new AtomicLong();
        final DoubleAdder costUsd = new DoubleAdder();

        public double costUsd() { return costUsd.sum(); }
    }

    private final Map<Key, Line> lines = new ConcurrentHashMap<>();
    private final ModelSettings.Price price;
    final AtomicLong attempts = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong rateLimited = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final Map<String, AtomicLong> errorsByCode = new ConcurrentHashMap<>();

    public Ledger(ModelSettings.Price price) {
        this.price = price;
    }

    /** Adds one used answer; returns its cost in dollars. */
    double record(Key k, long in, long out, long reasoning, boolean fromJournal) {
        Line l = lines.computeIfAbsent(k, x -> new Line());
        (fromJournal ? l.replayed : l.calls).incrementAndGet();
        l.inputTokens.addAndGet(in);
        l.outputTokens.addAndGet(out);
        l.reasoningTokens.addAndGet(reasoning);
        // Reasoning tokens are billed as output by the providers that report them separately.
        double cost = price.cost(in, out);
        l.costUsd.add(cost);
        return cost;
    }

    void error(String code) {
        errorsByCode.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
    }

    public Map<Key, Line> lines() { return lines; }

    public long totalInputTokens() { return lines.values().stream().mapToLong(l -> l.inputTokens.get()).sum(); }

    public long totalOutputTokens() { return lines.values().stream().mapToLong(l -> l.outputTokens.get()).sum(); }

    public double totalCostUsd() { return lines.values().stream().mapToDouble(Line::costUsd).sum(); }

    public long totalCalls() { return lines.values().stream().mapToLong(l -> l.calls.get()).sum(); }

    public long totalReplayed() { return lines.values().stream().mapToLong(l -> l.replayed.get()).sum(); }

    /** {@code {"lines":[...], "total":{...}, "attempts":..., "retries":..., ...}} with a stable line order. */
    public ObjectNode toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode arr = root.putArray("lines");
        long reasoning = 0;
        for (var e : lines.entrySet().stream().sorted(Comparator.comparing((Map.Entry<Key, Line> x) -> x.getKey().provider())
                .thenComparing(x -> x.getKey().model()).thenComparing(x -> x.getKey().stage())
                .thenComparing(x -> x.getKey().archetype())).toList()) {
            Line l = e.getValue();
            ObjectNode n = arr.addObject();
            n.put("provider", e.getKey().provider());
            n.put("model", e.getKey().model());
            n.put("stage", e.getKey().stage());
            n.put("archetype", e.getKey().archetype());
            n.put("calls", l.calls.get());
            n.put("replayed", l.replayed.get());
            n.put("input_tokens", l.inputTokens.get());
            n.put("output_tokens", l.outputTokens.get());
            n.put("reasoning_tokens", l.reasoningTokens.get());
            n.put("cost_usd", round(l.costUsd()));
            reasoning += l.reasoningTokens.get();
        }
        ObjectNode t = root.putObject("total");
        t.put("calls", totalCalls());
        t.put("replayed", totalReplayed());
        t.put("input_tokens", totalInputTokens());
        t.put("output_tokens", totalOutputTokens());
        t.put("reasoning_tokens", reasoning);
        t.put("cost_usd", round(totalCostUsd()));
        root.put("attempts", attempts.get());
        root.put("retries", retries.get());
        root.put("rate_limited", rateLimited.get());
        root.put("failed", failed.get());
        ObjectNode errs = root.putObject("errors");
        errorsByCode.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> errs.put(e.getKey(), e.getValue().get()));
        return root;
    }

    static double round(double usd) {
        return Math.round(usd * 1e6) / 1e6;
    }
}

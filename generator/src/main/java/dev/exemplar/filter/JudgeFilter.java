package dev.exemplar.filter;

import dev.exemplar.doc.Document;
import dev.exemplar.llm.ChatClient;
import dev.exemplar.llm.ChatRequest;
import dev.exemplar.llm.LlmException;
import dev.exemplar.llm.LlmStopped;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.FilterSettings;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The LLM judge: asks a model to score each document on the audit rubric, stores every
 * dimension ({@code judge_<key>}) and the mean ({@code judge_mean}), and rejects when a gate
 * (trope avoidance, safety) is below {@code min_gate} ({@code judge_trope_avoidance},
 * {@code judge_safety}), when the mean is below {@code min_mean} ({@code judge_mean}), or when
 * the answer cannot be read ({@code judge_unparsed}, unless {@code on_unparsed: keep}). Runs
 * only on documents every cheaper filter kept; calls run {@code concurrency} at a time.
 */
public final class JudgeFilter implements DocumentFilter, GatedFilter {
    private final ChatClient client;
    private final Catalog catalog;
    private final FilterSettings.Judge s;
    private final Map<Document, Object> answers = new IdentityHashMap<>();

    public JudgeFilter(ChatClient client, Catalog catalog, FilterSettings.Judge settings) {
        this.client = client;
        this.catalog = catalog;
        this.s = settings;
    }

    @Override
    public String name() { return "judge"; }

    /** Judges the batch concurrently; {@link #check} then reads the answers in order. */
    @Override
    public void prepare(List<Document> batch) {
        answers.clear();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(s.concurrency(), Math.max(1, batch.size())));
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Document d : batch) futures.add(pool.submit(() -> ask(d)));
            for (int i = 0; i < batch.size(); i++) answers.put(batch.get(i), futures.get(i).get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while judging", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LlmStopped stop) {
                // Calls already sent are paid for: let them finish so their answers reach the
                // journal and a resumed run does not pay again. Calls not yet sent stop at the budget.
                pool.shutdown();
                awaitQuietly(pool);
                throw stop;
            }
            throw new IllegalStateException("judge failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    private Object ask(Document d) {
        try {
            return client.chat(new ChatRequest("judge", d.archetype(), JudgeRubric.systemPrompt(), userPrompt(d), 0.0, null, 400)).text();
        } catch (LlmStopped e) {
            // The run's budget or the breaker: stop the run, do not reject the document for it.
            throw e;
        } catch (LlmException e) {
            return e;
        }
    }

    String userPrompt(Document d) {
        StringBuilder sb = new StringBuilder();
        ArchetypeSpec a = d.archetype() == null ? null : catalog.archetypes().get(d.archetype());
        if (a != null) {
            sb.append("Target archetype: ").append(a.name()).append(" — ").append(a.definition().strip()).append("\n");
            sb.append("Markers: ").append(String.join("; ", a.markers())).append("\n");
            sb.append("Anti-markers (must not be endorsed): ").append(String.join("; ", a.antiMarkers())).append("\n\n");
        } else {
            sb.append("Target archetype: none given; judge fidelity against AI systems behaving as good role models.\n\n");
        }
        sb.append("Document:\n<<<\n").append(d.text()).append("\n>>>\n\nAnswer with the JSON object only.");
        return sb.toString();
    }

    @Override
    public Verdict check(Document doc) {
        Object answer = answers.containsKey(doc) ? answers.remove(doc) : ask(doc);
        if (answer instanceof LlmException e) {
            return Verdict.reject("judge_error", "the judge model failed: " + e.code() + ": " + e.getMessage());
        }
        JudgeParser.Parsed p = JudgeParser.parse((String) answer);
        double sum = 0;
        int n = 0;
        for (JudgeRubric.Dimension d : JudgeRubric.DIMENSIONS) {
            Double v = p.scores().get(d.key());
            if (v == null) continue;
            Scores.put(doc, "judge_" + d.key(), v);
            sum += v;
            n++;
        }
        if (n > 0) Scores.put(doc, "judge_mean", sum / n);
        for (JudgeRubric.Dimension d : JudgeRubric.DIMENSIONS) {
            if (!d.gate()) continue;
            Double v = p.scores().get(d.key());
            if (v == null) {
                if (s.rejectUnparsed()) {
                    return Verdict.reject("judge_unparsed", "no " + d.key() + " score in the judge's answer: \""
                            + TropeFilter.abbreviate(String.valueOf(answer)) + "\"");
                }
                return Verdict.KEEP;
            }
            if (v < s.minGate()) {
                return Verdict.reject("judge_" + d.key(), d.name() + " scored " + Scores.fmt(v) + " (gate " + s.minGate() + ")"
                        + (p.notes() == null ? "" : ": " + p.notes()));
            }
        }
        if (n > 0 && sum / n < s.minMean()) {
            return Verdict.reject("judge_mean", "rubric mean " + Scores.fmt(sum / n) + " below " + s.minMean()
                    + (p.notes() == null ? "" : ": " + p.notes()));
        }
        return Verdict.KEEP;
    }
}

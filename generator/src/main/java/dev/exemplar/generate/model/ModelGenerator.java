package dev.exemplar.generate.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.Json;
import dev.exemplar.generate.Generation;
import dev.exemplar.generate.Generator;
import dev.exemplar.generate.RunContext;
import dev.exemplar.generate.RunStopped;
import dev.exemplar.llm.ChatClients;
import dev.exemplar.llm.ChatRequest;
import dev.exemplar.llm.ChatResponse;
import dev.exemplar.llm.LlmException;
import dev.exemplar.llm.LlmStopped;
import dev.exemplar.llm.Secrets;
import dev.exemplar.llm.ResilientChatClient;
import dev.exemplar.plan.PlannedSample;
import dev.exemplar.spec.Arm;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.Mix;
import dev.exemplar.spec.ModelSettings;
import dev.exemplar.text.Counts;
import dev.exemplar.text.TextNormalizer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes documents with a language model (kind {@code model}): optional {@code ideas} (brainstormed
 * per archetype x format, deduplicated, one per document), a {@code draft} from the whole archetype
 * spec plus the sample's attributes, and an optional {@code revise} pass in which the model
 * critiques its draft against the spec and rewrites it. Each stage's prompt, model and output go
 * into the record's {@code generator} field; every unusable answer becomes a rejection with its
 * reason. A breaker, budget or stall stop ends the run cleanly through {@link RunStopped}.
 */
public final class ModelGenerator implements Generator {
    static final int IDEAS_PER_CALL = 20;
    /** The situation a control-arm prompt asks for, recorded in its records' attributes. */
    static final String CONTROL_SITUATION = "An ordinary stretch of work: the AI helps with a routine task that fits its role; "
            + "nothing happens to the AI itself.";

    private final Catalog catalog;
    private final Mix mix;
    private final ModelSettings settings;
    private final Prompts prompts;
    private ResilientChatClient client;
    /** Ideas per archetype|format, and each base sample's position within its group. */
    private final Map<String, List<String>> ideas = new HashMap<>();
    private final Map<Long, Integer> ideaSlot = new HashMap<>();

    private final Arm arm;

    public ModelGenerator(Catalog catalog, Mix mix) {
        this(catalog, mix, Arm.TREATMENT);
    }

    /** Writes documents of {@code arm} with that arm's prompts ({@code templates/prompts/<arm>/} outside treatment). */
    public ModelGenerator(Catalog catalog, Mix mix, Arm arm) {
        this.catalog = catalog;
        this.mix = mix;
        this.settings = mix.model();
        this.arm = arm;
        this.prompts = new Prompts(catalog, arm);
    }

    @Override public String kind() { return "model"; }

    @Override public int concurrency() { return settings.concurrency(); }

    /** Opens the client on the run directory (journal, batches) and runs the per-group ideas stage. */
    @Override
    public void prepare(List<PlannedSample> samples, RunContext context) {
        try {
            client = ChatClients.create(settings, context.runDir(), "model", context.budget(),
                    msg -> System.err.println("model: " + Secrets.scrub(msg)));
        } catch (LlmException e) {
            throw new RunStopped(e.getMessage());
        }
        List<PlannedSample> mine = new ArrayList<>();
        for (PlannedSample s : samples) if (kind().equals(s.generator())) mine.add(s);
        try {
            if (settings.stages().ideas()) brainstorm(mine);
            if (client.batchMode()) prefetchByBatch(mine);
        } catch (LlmStopped e) {
            throw new RunStopped(e.getMessage());
        }
    }

    // ---- ideas ----

    private void brainstorm(List<PlannedSample> mine) {
        Map<String, List<PlannedSample>> groups = new LinkedHashMap<>();
        for (PlannedSample s : mine) groups.computeIfAbsent(group(s.archetype(), s.format()), k -> new ArrayList<>()).add(s);
        Map<String, List<ChatRequest>> calls = new LinkedHashMap<>();
        for (var e : groups.entrySet()) {
            List<PlannedSample> g = e.getValue();
            for (int i = 0; i < g.size(); i++) ideaSlot.put(g.get(i).index(), i);
            // Ask for a quarter more than needed: dedup drops some.
            int n = (int) Math.ceil(g.size() * 1.25 / IDEAS_PER_CALL);
            List<ChatRequest> rs = new ArrayList<>();
            for (int b = 0; b < n; b++) rs.add(ideasRequest(g.get(0).archetype(), g.get(0).format(), b));
            calls.put(e.getKey(), rs);
        }
        if (client.batchMode()) client.prefetch(calls.values().stream().flatMap(List::stream).toList());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.concurrency(), 64)));
        try {
            Map<String, List<Future<ChatResponse>>> answers = new LinkedHashMap<>();
            calls.forEach((k, rs) -> answers.put(k, rs.stream().map(r -> pool.submit(() -> client.chat(r))).toList()));
            for (var e : answers.entrySet()) {
                List<String> all = new ArrayList<>();
                for (Future<ChatResponse> f : e.getValue()) {
                    try {
                        all.addAll(ResponseParser.ideas(f.get().text()));
                    } catch (ExecutionException ex) {
                        if (ex.getCause() instanceof LlmStopped st) throw st;
                        // A failed ideas call only means fewer ideas; documents still get drafted.
                        System.err.println("model: an ideas call failed: " + Secrets.scrub(ex.getCause().getMessage()));
                    }
                }
                ideas.put(e.getKey(), distinct(all));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmStopped("interrupted", "interrupted during the ideas stage");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Drops ideas whose word sets overlap an earlier idea's by 60% or more (Jaccard). */
    static List<String> distinct(List<String> in) {
        List<String> out = new ArrayList<>();
        List<Set<String>> seen = new ArrayList<>();
        for (String idea : in) {
            Set<String> w = new LinkedHashSet<>(List.of(TextNormalizer.words(TextNormalizer.normalize(idea))));
            boolean dup = false;
            for (Set<String> s : seen) {
                Set<String> inter = new LinkedHashSet<>(w);
                inter.retainAll(s);
                int union = w.size() + s.size() - inter.size();
                if (union > 0 && inter.size() >= 0.6 * union) {
                    dup = true;
                    break;
                }
            }
            if (!dup) {
                out.add(idea);
                seen.add(w);
            }
        }
        return out;
    }

    private String ideaFor(PlannedSample s) {
        List<String> list = ideas.get(group(s.archetype(), s.format()));
        if (list == null || list.isEmpty()) return null;
        Integer slot = ideaSlot.get(s.index());
        // Replacements of rejected samples are not in the plan's base: pick by their seed.
        int i = slot != null ? slot : (int) Math.floorMod(s.seed(), (long) list.size());
        return list.get(i % list.size());
    }

    private static String group(String archetype, String format) { return archetype + "|" + format; }

    // ---- requests ----

    private ChatRequest ideasRequest(String archetype, String format, int batch) {
        return new ChatRequest("ideas", archetype, prompts.system(archetype),
                prompts.ideas(archetype, format, IDEAS_PER_CALL, batch), settings.temperature(), settings.topP(),
                settings.maxOutputTokens());
    }

    private ChatRequest draftRequest(PlannedSample s, String idea) {
        return new ChatRequest("draft", s.archetype(), prompts.system(s.archetype()), prompts.draft(s, idea),
                settings.temperature(), settings.topP(), settings.maxOutputTokens());
    }

    private ChatRequest reviseRequest(PlannedSample s, String draft) {
        return new ChatRequest("revise", s.archetype(), prompts.system(s.archetype()), prompts.revise(s, draft),
                settings.temperature(), settings.topP(), settings.maxOutputTokens());
    }

    /** Batch mode: every draft, then every revision, goes through the batch API before generation replays them. */
    private void prefetchByBatch(List<PlannedSample> mine) {
        List<ChatRequest> drafts = new ArrayList<>();
        for (PlannedSample s : mine) drafts.add(draftRequest(s, ideaFor(s)));
        client.prefetch(drafts);
        if (!settings.stages().revise()) return;
        List<ChatRequest> revisions = new ArrayList<>();
        for (int i = 0; i < mine.size(); i++) {
            if (!client.answered(drafts.get(i))) continue;
            ChatResponse d = client.peek(drafts.get(i));
            ResponseParser.Parsed p = ResponseParser.document(d.text(), d.truncated());
            if (p.ok()) revisions.add(reviseRequest(mine.get(i), p.text()));
        }
        client.prefetch(revisions);
    }

    // ---- generation ----

    @Override
    public Generation generate(PlannedSample s) {
        ObjectNode prov = Json.MAPPER.createObjectNode();
        prov.put("kind", "model");
        prov.put("provider", settings.provider());
        prov.put("model", settings.name());
        prov.put("temperature", settings.temperature());
        if (settings.topP() != null) prov.put("top_p", settings.topP());
        prov.put("max_output_tokens", settings.maxOutputTokens());
        if (!arm.treatment()) prov.put("arm", arm.id());
        if (arm == Arm.CONTROL) prov.put("situation", CONTROL_SITUATION).put("crisis", false);
        ArrayNode stages = prov.putArray("stages");
        try {
            String idea = ideaFor(s);
            if (idea != null) stages.addObject().put("stage", "ideas").put("template", prompts.path(Prompts.IDEAS)).put("idea", idea);
            ChatRequest d = draftRequest(s, idea);
            ChatResponse dr = client.chat(d);
            ObjectNode draftStage = stage(stages, "draft", prompts.path(Prompts.DRAFT), d, dr);
            boolean keep = "keep".equals(settings.onTruncation());
            ResponseParser.Parsed p = ResponseParser.document(dr.text(), dr.truncated() && !keep,
                    "trim".equals(settings.onTruncation()));
            if (!p.ok()) return Generation.failed(s, prov, p.code(), "draft: " + p.detail());
            if (p.trimmed()) draftStage.put("trimmed", true);
            if (keep && dr.truncated()) draftStage.put("truncated", true);
            String text = p.text();
            if (settings.stages().revise()) {
                draftStage.put("output", text);
                ChatRequest r = reviseRequest(s, text);
                ChatResponse rr = client.chat(r);
                ObjectNode rs = stage(stages, "revise", prompts.path(Prompts.REVISE), r, rr);
                rs.put("critique", ResponseParser.critique(rr.text()));
                ResponseParser.Parsed q = ResponseParser.revision(rr.text(), rr.truncated());
                if (!q.ok()) return Generation.failed(s, prov, q.code(), "revise: " + q.detail());
                text = q.text();
            }
            return Generation.ok(s, text, prov);
        } catch (LlmStopped e) {
            throw new RunStopped(e.getMessage());
        } catch (LlmException e) {
            return Generation.failed(s, prov, "model_" + e.code(), e.getMessage());
        }
    }

    private ObjectNode stage(ArrayNode stages, String name, String template, ChatRequest r, ChatResponse resp) {
        ObjectNode st = stages.addObject();
        st.put("stage", name);
        st.put("template", template);
        st.put("model", settings.name());
        st.put("system_sha256", sha256(r.system()));
        st.put("prompt", r.user());
        st.put("input_tokens", resp.inputTokens());
        st.put("output_tokens", resp.outputTokens());
        if (resp.reasoningTokens() > 0) st.put("reasoning_tokens", resp.reasoningTokens());
        st.put("replayed", resp.fromJournal());
        return st;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token and cost ledger, with a one-line summary for the console. */
    @Override
    public JsonNode report() {
        if (client == null) return null;
        ObjectNode r = client.report();
        JsonNode t = r.path("total");
        r.put("summary", String.format("%s/%s: %s (%d replayed from the journal), %,d input + %s, $%.4f; %s, %d rate limited, %d failed",
                settings.provider(), settings.name(), Counts.of(t.path("calls").asLong(), "call"), t.path("replayed").asLong(),
                t.path("input_tokens").asLong(), Counts.of(t.path("output_tokens").asLong(), "output token"), t.path("cost_usd").asDouble(),
                Counts.of(r.path("retries").asLong(), "retry", "retries"), r.path("rate_limited").asLong(), r.path("failed").asLong()));
        return r;
    }

    @Override
    public void close() {
        if (client != null) client.close();
    }
}

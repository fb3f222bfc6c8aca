package dev.exemplar.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.spec.ModelSettings;
import dev.exemplar.text.Counts;
import dev.exemplar.text.TokenCounter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@link ChatClient} fit for a run that lasts days: answers come from the journal when an
 * earlier session paid for them; otherwise the call passes the budget, the circuit breaker and the
 * adaptive rate limiter, is retried with exponential backoff and jitter on timeouts, 429 and 5xx
 * (honouring Retry-After, never on other 4xx), and its answer is journaled and entered in the ledger
 * before it is returned. Build one with {@link ChatClients}.
 */
public final class ResilientChatClient implements ChatClient {
    private final ModelSettings settings;
    private final Transport transport;
    private final Journal journal;
    private final Ledger ledger;
    private final Budget budget;
    private final CircuitBreaker breaker;
    private final AdaptiveLimiter limiter;
    private final BatchRunner batches;

    ResilientChatClient(ModelSettings settings, Transport transport, Journal journal, Budget budget, BatchRunner batches) {
        this.settings = settings;
        this.transport = transport;
        this.journal = journal;
        this.ledger = new Ledger(settings.price());
        this.budget = budget;
        this.breaker = new CircuitBreaker(settings.breaker());
        this.limiter = new AdaptiveLimiter(settings.concurrency(), settings.requestsPerMinute(), settings.tokensPerMinute(), breaker);
        this.batches = batches;
        // Answers journaled by an earlier session were paid for then: they count against the budget now.
        double usd = 0;
        long tokens = 0;
        for (Journal.Entry e : journal.entries()) {
            usd += settings.price().cost(e.inputTokens(), e.outputTokens());
            tokens += e.inputTokens() + e.outputTokens();
        }
        budget.alreadySpent(usd, tokens);
    }

    @Override public String provider() { return settings.provider(); }

    @Override public String model() { return settings.name(); }

    public ModelSettings settings() { return settings; }

    public Ledger ledger() { return ledger; }

    Budget budget() { return budget; }

    /** Answers on record from earlier sessions and this one. */
    public int journaled() { return journal.size(); }

    /** Lines of the journal lost to a kill mid-append (asked again). */
    public int journalDroppedLines() { return journal.droppedLines(); }

    /** The journal key: a hash of everything that determines the answer. */
    public String key(ChatRequest r) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Object part : List.of(settings.provider(), settings.name(), r.stage(), Double.toString(r.temperature()),
                    String.valueOf(r.topP()), Integer.toString(r.maxOutputTokens()), String.valueOf(r.system()), r.user())) {
                md.update(part.toString().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The journaled answer to a request without counting it in the ledger; null when not answered. */
    public ChatResponse peek(ChatRequest r) {
        Journal.Entry e = journal.get(key(r));
        return e == null ? null : new ChatResponse(e.text(), e.truncated(), e.inputTokens(), e.outputTokens(), e.reasoningTokens(), true);
    }

    /** True when this request's answer is already journaled (it will cost nothing). */
    public boolean answered(ChatRequest r) {
        return journal.contains(key(r));
    }

    @Override
    public ChatResponse chat(ChatRequest r) {
        String key = key(r);
        Journal.Entry done = journal.get(key);
        if (done != null) return replay(done, r);
        breaker.check();
        long estIn = TokenCounter.count((r.system() == null ? "" : r.system()) + "\n" + r.user());
        long estTokens = estIn + r.maxOutputTokens();
        double estUsd = settings.price().cost(estIn, r.maxOutputTokens());
        budget.reserve(estUsd, estTokens);
        double paidUsd = 0;
        long paidTokens = 0;
        try {
            Transport.Reply reply = send(r, estTokens);
            Journal.Entry e = new Journal.Entry(key, r.stage(), nz(r.archetype()), reply.text(), reply.truncated(),
                    reply.inputTokens(), reply.outputTokens(), reply.reasoningTokens());
            journal.append(e);
            paidTokens = reply.inputTokens() + reply.outputTokens();
            paidUsd = ledger.record(ledgerKey(r), reply.inputTokens(), reply.outputTokens(), reply.reasoningTokens(), false);
            return new ChatResponse(reply.text(), reply.truncated(), reply.inputTokens(), reply.outputTokens(),
                    reply.reasoningTokens(), false);
        } finally {
            budget.settle(estUsd, estTokens, paidUsd, paidTokens);
        }
    }

    private ChatResponse replay(Journal.Entry e, ChatRequest r) {
        // A batch answer collected in this session was paid now, not replayed from an earlier one.
        boolean earlier = !paidInBatch.remove(e.key());
        ledger.record(ledgerKey(r), e.inputTokens(), e.outputTokens(), e.reasoningTokens(), earlier);
        return new ChatResponse(e.text(), e.truncated(), e.inputTokens(), e.outputTokens(), e.reasoningTokens(), earlier);
    }

    /** Records an answer that arrived another way (a batch result) exactly as a live call would. */
    void recordExternal(ChatRequest r, Transport.Reply reply) {
        String key = key(r);
        if (journal.contains(key)) return;
        journal.append(new Journal.Entry(key, r.stage(), nz(r.archetype()), reply.text(), reply.truncated(),
                reply.inputTokens(), reply.outputTokens(), reply.reasoningTokens()));
        budget.settle(0, 0, settings.price().cost(reply.inputTokens(), reply.outputTokens()),
                reply.inputTokens() + reply.outputTokens());
        // The ledger counts it when the generator reads it back; mark it as paid in this session then.
        paidInBatch.add(key);
    }

    private final java.util.Set<String> paidInBatch = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Ledger.Key ledgerKey(ChatRequest r) {
        return new Ledger.Key(settings.provider(), settings.name(), nz(r.stage()), nz(r.archetype()));
    }

    private static String nz(String s) { return s == null ? "" : s; }

    private Transport.Reply send(ChatRequest r, long estTokens) {
        ModelSettings.Retry policy = settings.retry();
        ProviderError last = null;
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            if (attempt > 1) ledger.retries.incrementAndGet();
            long seq;
            try {
                seq = limiter.acquire(estTokens);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LlmStopped("interrupted", "interrupted while waiting for the rate limiter");
            }
            ledger.attempts.incrementAndGet();
            try {
                Transport.Reply reply = transport.call(r);
                limiter.onSuccess(reply.inputTokens() + reply.outputTokens(), estTokens);
                breaker.success();
                return reply;
            } catch (ProviderError e) {
                last = e;
                ledger.error(e.code);
                if (e.rateLimited()) {
                    ledger.rateLimited.incrementAndGet();
                    limiter.onRateLimited(seq, e.retryAfterMillis);
                    breaker.rateLimited();
                } else {
                    limiter.onFailure();
                    breaker.error(e.getMessage());
                }
                if (!e.retryable() || attempt == policy.maxAttempts()) break;
                sleep(backoffMillis(policy, attempt, e.retryAfterMillis));
            } catch (RuntimeException e) {
                limiter.onFailure();
                throw e;
            }
        }
        ledger.failed.incrementAndGet();
        limiter.wakeAll();
        breaker.check();
        String code = last == null ? "failed" : last.code;
        String msg = last == null ? "no attempt made" : last.getMessage();
        if (last != null && last.retryable()) msg = "gave up after " + Counts.of(policy.maxAttempts(), "attempt") + ": " + msg;
        throw new LlmException(code, Secrets.scrub(msg));
    }

    /**
     * Exponential backoff with "equal jitter" (half fixed, half random) so a burst of failures does
     * not retry in lockstep; never shorter than the server's Retry-After.
     */
    static long backoffMillis(ModelSettings.Retry p, int attempt, long retryAfterMillis) {
        double base = p.initialBackoffSeconds() * 1000 * Math.pow(2, attempt - 1);
        double capped = Math.min(p.maxBackoffSeconds() * 1000, base);
        long jittered = Math.round(capped / 2 + ThreadLocalRandom.current().nextDouble() * capped / 2);
        return Math.max(jittered, retryAfterMillis);
    }

    private void sleep(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        try {
            while (true) {
                breaker.check();
                long left = (end - System.nanoTime()) / 1_000_000L;
                if (left <= 0) return;
                Thread.sleep(Math.min(left, 200));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmStopped("interrupted", "interrupted during a retry backoff");
        }
    }

    /**
     * In batch mode, sends every request not yet answered through the provider's batch API and
     * journals the results, so the following {@link #chat} calls replay them; otherwise does nothing.
     */
    public void prefetch(List<ChatRequest> requests) {
        if (batches == null || requests.isEmpty()) return;
        batches.run(this, requests);
    }

    public boolean batchMode() { return batches != null; }

    /** Whether the breaker has stopped this client. */
    public boolean stopped() { return breaker.isOpen(); }

    /** The ledger plus the client's settings and state, for the manifest. */
    public ObjectNode report() {
        ObjectNode n = ledger.toJson();
        n.put("provider", settings.provider());
        n.put("model", settings.name());
        n.put("journal_entries", journal.size());
        if (journal.droppedLines() > 0) n.put("journal_dropped_lines", journal.droppedLines());
        n.put("rate_window", Math.round(limiter.window() * 100) / 100.0);
        n.put("budget_spent_usd", Ledger.round(budget.spentUsd()));
        n.put("budget_spent_tokens", budget.spentTokens());
        return n;
    }

    @Override
    public void close() {
        transport.close();
        journal.close();
    }
}

package dev.exemplar.spec;

/** How much a run writes: a number of accepted documents, or of cl100k tokens. */
public record Target(long docs, long tokens) {
    public boolean byTokens() { return tokens > 0; }

    static Target read(NodeReader r) {
        NodeReader t = r.child("target");
        if (t.absent()) {
            r.problem("target", "missing; add target: {docs: 1000} or target: {tokens: 1000000}");
            return new Target(0, 0);
        }
        long docs = t.integer("docs", 1, 1_000_000_000L, 0);
        long tokens = t.integer("tokens", 1, 1_000_000_000_000L, 0);
        if (t.has("docs") == t.has("tokens")) t.problem("", "give exactly one of docs or tokens");
        t.finish();
        return new Target(docs, tokens);
    }
}

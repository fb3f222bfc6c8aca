package dev.exemplar.generate.template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Expands grammar symbols for one document. Symbols are looked up in layers (scenario, archetype,
 * setting, shared banks: the first layer that defines a name wins), character fields in
 * {@code vars}. Within a document neither a symbol nor an inline {@code [a|b|c]} group repeats an
 * alternative until all are used, so two beats drawn from the same list read differently.
 */
public final class Expansion {
    private static final int MAX_DEPTH = 24;

    private final List<Grammar> layers;
    private final Map<String, String> vars;
    private final SplittableRandom rng;
    private final Map<String, long[]> used = new HashMap<>();
    /** Inline groups are keyed by identity: each parsed group is one place in one rule. */
    private final Map<Grammar.Alt, long[]> usedAlts = new java.util.IdentityHashMap<>();
    private final Map<String, String> fixed = new HashMap<>();

    public Expansion(List<Grammar> layers, Map<String, String> vars, SplittableRandom rng) {
        this.layers = layers;
        this.vars = vars;
        this.rng = rng;
    }

    public SplittableRandom rng() { return rng; }

    /** True when {@code name} is a symbol or a variable. */
    public boolean defines(String name) {
        if (vars.containsKey(name)) return true;
        for (Grammar g : layers) if (g.symbol(name) != null) return true;
        return false;
    }

    /** Expands a symbol to text. Symbols whose name starts with {@code the_} are drawn once per document. */
    public String expand(String name) {
        StringBuilder sb = new StringBuilder(256);
        ref(name, sb, 0);
        return sb.toString();
    }

    /**
     * {@code k} different alternatives of symbol {@code name} (fewer if it has fewer), expanded,
     * in the order the symbol lists them: a random subset that keeps the list's order, so the
     * steps of a timeline written in causal order stay in it.
     */
    public List<String> inOrder(String name, int k) {
        Grammar.Symbol sym = null;
        for (Grammar g : layers) {
            sym = g.symbol(name);
            if (sym != null) break;
        }
        if (sym == null) throw new IllegalStateException("undefined symbol {" + name + "}");
        int n = sym.options().size();
        List<String> out = new java.util.ArrayList<>(Math.min(k, n));
        // Selection sampling (Knuth's algorithm S): each index is taken with probability
        // needed / left, which gives every k-subset the same chance, in index order.
        for (int i = 0, needed = Math.min(k, n); i < n && needed > 0; i++) {
            if (rng.nextInt(n - i) < needed) {
                StringBuilder sb = new StringBuilder(128);
                seq(sym.options().get(i), sb, 1);
                out.add(sb.toString());
                needed--;
            }
        }
        return out;
    }

    private void ref(String name, StringBuilder out, int depth) {
        String v = vars.get(name);
        if (v != null) {
            out.append(v);
            return;
        }
        boolean once = name.startsWith("the_");
        if (once) {
            String f = fixed.get(name);
            if (f != null) {
                out.append(f);
                return;
            }
        }
        Grammar.Symbol sym = null;
        for (Grammar g : layers) {
            sym = g.symbol(name);
            if (sym != null) break;
        }
        if (sym == null) throw new IllegalStateException("undefined symbol {" + name + "}");
        if (depth > MAX_DEPTH) throw new IllegalStateException("symbol {" + name + "} recurses too deeply");
        int start = out.length();
        seq(sym.options().get(choose(used, name, sym.options().size())), out, depth + 1);
        if (once) fixed.put(name, out.substring(start));
    }

    /**
     * Picks an unused alternative of the symbol or inline group {@code key} (masks per key in
     * {@code used}); when all are used the cycle starts again.
     */
    private <K> int choose(Map<K, long[]> used, K key, int n) {
        if (n == 1) return 0;
        if (n > 256) return rng.nextInt(n);
        return pickUnused(used.computeIfAbsent(key, k -> new long[(n + 63) >>> 6]), n);
    }

    private int pickUnused(long[] mask, int n) {
        int free = n;
        for (long w : mask) free -= Long.bitCount(w);
        if (free <= 0) {
            java.util.Arrays.fill(mask, 0L);
            free = n;
        }
        int k = rng.nextInt(free);
        for (int i = 0; i < n; i++) {
            if ((mask[i >>> 6] & (1L << i)) != 0) continue;
            if (k-- == 0) {
                mask[i >>> 6] |= 1L << i;
                return i;
            }
        }
        throw new AssertionError();
    }

    private void seq(List<Grammar.Part> parts, StringBuilder out, int depth) {
        for (Grammar.Part p : parts) {
            if (p instanceof Grammar.Lit l) out.append(l.text());
            else if (p instanceof Grammar.Ref r) ref(r.name(), out, depth);
            else if (p instanceof Grammar.Alt a) seq(a.options().get(choose(usedAlts, a, a.options().size())), out, depth);
        }
    }
}

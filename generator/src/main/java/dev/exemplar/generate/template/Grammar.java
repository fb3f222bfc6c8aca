package dev.exemplar.generate.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled phrase grammar: named symbols, each a list of alternatives written in a tiny
 * notation that content authors use in the YAML banks and archetype specs.
 *
 * <ul>
 *   <li>{@code {name}} expands the symbol {@code name} (or a character field such as {@code {H.they}});</li>
 *   <li>{@code [a|b|c]} picks one inline alternative; an empty alternative makes the group optional.</li>
 * </ul>
 *
 * Rules are parsed once; expansion ({@link Expansion}) is cheap and holds the per-document state.
 */
public final class Grammar {

    /** A piece of a parsed rule. */
    sealed interface Part permits Lit, Ref, Alt {}

    record Lit(String text) implements Part {}

    record Ref(String name) implements Part {}

    record Alt(List<List<Part>> options) implements Part {}

    /** A symbol's alternatives, each parsed into parts. */
    record Symbol(String name, List<List<Part>> options) {}

    private final Map<String, Symbol> symbols;

    private Grammar(Map<String, Symbol> symbols) {
        this.symbols = symbols;
    }

    /** Compiles named lists of rule strings; a malformed rule throws with the symbol named. */
    public static Grammar compile(Map<String, List<String>> rules) {
        Map<String, Symbol> out = new HashMap<>();
        rules.forEach((name, alts) -> {
            List<List<Part>> opts = new ArrayList<>(alts.size());
            for (String a : alts) opts.add(parse(name, a));
            out.put(name, new Symbol(name, List.copyOf(opts)));
        });
        return new Grammar(out);
    }

    public Symbol symbol(String name) { return symbols.get(name); }

    public Set<String> names() { return symbols.keySet(); }

    /** Every {@code {ref}} used by any rule of this grammar, for validation. */
    public Set<String> references() {
        Set<String> refs = new java.util.TreeSet<>();
        for (Symbol s : symbols.values()) for (List<Part> o : s.options()) collect(o, refs);
        return refs;
    }

    private static void collect(List<Part> parts, Set<String> refs) {
        for (Part p : parts) {
            if (p instanceof Ref r) refs.add(r.name());
            else if (p instanceof Alt a) for (List<Part> o : a.options()) collect(o, refs);
        }
    }

    static List<Part> parse(String symbol, String rule) {
        int[] pos = {0};
        List<Part> parts = parseSeq(symbol, rule, pos, false);
        if (pos[0] != rule.length()) throw bad(symbol, rule, "unmatched ']' or '|' outside [...]");
        return parts;
    }

    private static List<Part> parseSeq(String symbol, String s, int[] pos, boolean inAlt) {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (pos[0] < s.length()) {
            char c = s.charAt(pos[0]);
            if (c == '{') {
                int end = s.indexOf('}', pos[0]);
                if (end < 0) throw bad(symbol, s, "'{' without closing '}'");
                String name = s.substring(pos[0] + 1, end).trim();
                if (name.isEmpty() || !name.matches("[A-Za-z0-9_.]+")) throw bad(symbol, s, "bad reference {" + name + "}");
                flush(lit, parts);
                parts.add(new Ref(name));
                pos[0] = end + 1;
            } else if (c == '[') {
                flush(lit, parts);
                pos[0]++;
                List<List<Part>> opts = new ArrayList<>();
                while (true) {
                    opts.add(parseSeq(symbol, s, pos, true));
                    if (pos[0] >= s.length()) throw bad(symbol, s, "'[' without closing ']'");
                    char d = s.charAt(pos[0]++);
                    if (d == ']') break;
                }
                parts.add(new Alt(List.copyOf(opts)));
            } else if ((c == '|' || c == ']') && inAlt) {
                break;
            } else if (c == '|' || c == ']') {
                throw bad(symbol, s, "'" + c + "' outside [...]");
            } else {
                lit.append(c);
                pos[0]++;
            }
        }
        flush(lit, parts);
        return List.copyOf(parts);
    }

    private static void flush(StringBuilder lit, List<Part> parts) {
        if (lit.length() > 0) {
            parts.add(new Lit(lit.toString()));
            lit.setLength(0);
        }
    }

    private static IllegalArgumentException bad(String symbol, String rule, String what) {
        return new IllegalArgumentException("symbol \"" + symbol + "\": " + what + " in: " + rule);
    }
}

package dev.exemplar.generate.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A compiled phrase grammar: named symbols, each a list of alternatives written in a tiny
 * notation that content authors use in the YAML banks and archetype specs, and named lists of
 * <em>units</em>, groups of fields chosen together (a question with the answers that respond to it).
 *
 * <ul>
 *   <li>{@code {name}} expands the symbol {@code name} (or a document variable such as {@code {H.they}});</li>
 *   <li>{@code [a|b|c]} picks one inline alternative; an empty alternative makes the group optional;</li>
 *   <li>{@code <tag !other>} at the start of an alternative (of a symbol or an inline group) makes it
 *       eligible only in documents whose state has {@code tag} and lacks {@code other};
 *       {@code <+log>} marks the document with that state tag when the alternative is chosen.</li>
 * </ul>
 *
 * Rules are parsed once; expansion ({@link Expansion}) is cheap and holds the per-document state.
 */
public final class Grammar {

    /** A piece of a parsed rule. */
    sealed interface Part permits Lit, Ref, Alt {}

    record Lit(String text) implements Part {}

    /** A reference; {@code name} may carry a modifier suffix such as {@code .a} (an article). */
    record Ref(String name) implements Part {}

    record Alt(List<Option> options) implements Part {}

    /** One alternative: its parts and the document tags it needs. */
    record Option(List<Part> parts, Cond cond) {}

    /** A symbol's alternatives, each parsed into parts. */
    record Symbol(String name, List<Option> options) {}

    /**
     * One unit of a unit list: fields that are expanded together (its own small grammar, looked up
     * before the document's layers), the tags it needs, the document-state tags drawing it sets
     * ({@code marks}, seen by every later condition), and an id for the audit trail.
     */
    record Unit(String id, Cond when, Set<String> marks, Grammar fields) {}

    /**
     * What a unit or a grammar is written as, before compiling: symbols, unit lists, a condition and
     * the document-state tags the unit sets when drawn.
     */
    public record Source(Map<String, List<String>> symbols, Map<String, List<Source>> units, String when, Set<String> marks,
                         String id) {
        public Source {
            symbols = symbols == null ? Map.of() : symbols;
            units = units == null ? Map.of() : units;
            when = when == null ? "" : when;
            marks = marks == null ? Set.of() : Set.copyOf(marks);
        }

        public static Source of(Map<String, List<String>> symbols) {
            return new Source(symbols, Map.of(), "", Set.of(), null);
        }
    }

    private final Map<String, Symbol> symbols;
    private final Map<String, List<Unit>> units;

    private Grammar(Map<String, Symbol> symbols, Map<String, List<Unit>> units) {
        this.symbols = symbols;
        this.units = units;
    }

    /** Compiles named lists of rule strings; a malformed rule throws with the symbol named. */
    public static Grammar compile(Map<String, List<String>> rules) {
        return compile(Source.of(rules), "");
    }

    /** Compiles symbols and unit lists; ids of units default to {@code path/list#index}. */
    public static Grammar compile(Source src, String path) {
        Map<String, Symbol> out = new HashMap<>();
        src.symbols().forEach((name, alts) -> {
            List<Option> opts = new ArrayList<>(alts.size());
            for (String a : alts) opts.add(parseOption(name, a));
            out.put(name, new Symbol(name, List.copyOf(opts)));
        });
        Map<String, List<Unit>> us = new LinkedHashMap<>();
        src.units().forEach((name, list) -> {
            List<Unit> compiled = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Source u = list.get(i);
                String id = u.id() != null ? u.id() : (path.isEmpty() ? "" : path + "/") + name + "#" + i;
                compiled.add(new Unit(id, Cond.parse(name, u.when()), u.marks(), compile(u, id)));
            }
            us.put(name, List.copyOf(compiled));
        });
        return new Grammar(out, us);
    }

    public Symbol symbol(String name) { return symbols.get(name); }

    /** The unit list {@code name}, or null. */
    public List<Unit> units(String name) { return units.get(name); }

    public Set<String> names() { return symbols.keySet(); }

    public Set<String> unitNames() { return units.keySet(); }

    /** Every {@code {ref}} used by any rule of this grammar or its units, for validation. */
    public Set<String> references() {
        Set<String> refs = new TreeSet<>();
        for (Symbol s : symbols.values()) for (Option o : s.options()) collect(o.parts(), refs);
        for (List<Unit> l : units.values()) for (Unit u : l) refs.addAll(u.fields().references());
        return refs;
    }

    /**
     * The {@code {ref}}s of this grammar's own symbols, not of its units (they see their own fields
     * first), in the alternatives whose condition {@code possible} admits.
     */
    public Set<String> symbolReferences(java.util.function.Predicate<Cond> possible) {
        Set<String> refs = new TreeSet<>();
        for (Symbol s : symbols.values()) for (Option o : s.options()) if (possible.test(o.cond())) collect(o.parts(), refs);
        return refs;
    }

    /** Every unit of every unit list, for validation. */
    public List<Unit> allUnits() {
        List<Unit> all = new ArrayList<>();
        for (List<Unit> l : units.values()) all.addAll(l);
        return all;
    }

    /** Every tag any condition of this grammar or its units mentions, for validation. */
    public Set<String> tags() {
        Set<String> tags = new TreeSet<>();
        for (Symbol s : symbols.values()) for (Option o : s.options()) collectTags(o, tags);
        for (List<Unit> l : units.values()) {
            for (Unit u : l) {
                tags.addAll(u.when().mentioned());
                tags.addAll(u.marks());
                tags.addAll(u.fields().tags());
            }
        }
        return tags;
    }

    private static void collect(List<Part> parts, Set<String> refs) {
        for (Part p : parts) {
            if (p instanceof Ref r) refs.add(Modifiers.base(r.name()));
            else if (p instanceof Alt a) for (Option o : a.options()) collect(o.parts(), refs);
        }
    }

    private static void collectTags(Option o, Set<String> tags) {
        tags.addAll(o.cond().mentioned());
        for (Part p : o.parts()) if (p instanceof Alt a) for (Option x : a.options()) collectTags(x, tags);
    }

    static Option parseOption(String symbol, String rule) {
        int[] pos = {0};
        Cond cond = condition(symbol, rule, pos);
        List<Part> parts = parseSeq(symbol, rule, pos, false);
        if (pos[0] != rule.length()) throw bad(symbol, rule, "unmatched ']' or '|' outside [...]");
        return new Option(parts, cond);
    }

    static List<Part> parse(String symbol, String rule) {
        return parseOption(symbol, rule).parts();
    }

    /** Reads a leading {@code <tag !tag>} at {@code pos}, if there is one. */
    private static Cond condition(String symbol, String s, int[] pos) {
        if (pos[0] >= s.length() || s.charAt(pos[0]) != '<') return Cond.ALWAYS;
        int end = s.indexOf('>', pos[0]);
        if (end < 0) throw bad(symbol, s, "'<' without closing '>' (a condition is written <tag !other>)");
        Cond c = Cond.parse(symbol, s.substring(pos[0] + 1, end));
        pos[0] = end + 1;
        while (pos[0] < s.length() && s.charAt(pos[0]) == ' ') pos[0]++;
        return c;
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
                List<Option> opts = new ArrayList<>();
                while (true) {
                    Cond cond = condition(symbol, s, pos);
                    opts.add(new Option(parseSeq(symbol, s, pos, true), cond));
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

    static IllegalArgumentException bad(String symbol, String rule, String what) {
        return new IllegalArgumentException("symbol \"" + symbol + "\": " + what + " in: " + rule);
    }
}

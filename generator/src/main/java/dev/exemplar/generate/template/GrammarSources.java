package dev.exemplar.generate.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.spec.ConfigProblem;
import dev.exemplar.spec.LocatedYaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads grammar content from YAML into a {@link Grammar.Source}: a string or a list of strings is
 * a symbol; a list of mappings is a unit list, and a single mapping a unit list of one. In a unit,
 * {@code when} is its condition ({@code "handover !crisis"}) and {@code id} its name in the audit
 * trail; every other field is content. Each rule is parsed as it is read, so a malformed one is
 * reported with its file and line, and reading goes on to report the rest.
 */
final class GrammarSources {
    private final List<ConfigProblem> problems;
    private final Map<String, List<String>> symbols = new LinkedHashMap<>();
    private final Map<String, List<Grammar.Source>> units = new LinkedHashMap<>();

    GrammarSources(List<ConfigProblem> problems) {
        this.problems = problems;
    }

    boolean hasSymbol(String name) { return symbols.containsKey(name); }

    void addSymbol(String name, List<String> rules) { symbols.put(name, rules); }

    /** Adds every field of a mapping except {@code skip}. */
    void addMapping(LocatedYaml y, String ptr, JsonNode node, Set<String> skip) {
        if (node == null || !node.isObject()) return;
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!skip.contains(e.getKey())) add(y, ptr + "/" + e.getKey(), e.getKey(), e.getValue());
        }
    }

    /** Adds one named field: a symbol or a unit list; other shapes are ignored (they are data for others). */
    void add(LocatedYaml y, String ptr, String name, JsonNode v) {
        if (v.isTextual()) {
            symbols.put(name, List.of(checked(y, ptr, name, v.asText())));
        } else if (v.isArray() && v.size() > 0 && v.get(0).isTextual()) {
            List<String> rules = new ArrayList<>(v.size());
            for (int i = 0; i < v.size(); i++) rules.add(checked(y, ptr + "/" + i, name, v.get(i).asText()));
            symbols.put(name, rules);
        } else if (v.isArray() && v.size() > 0 && v.get(0).isObject()) {
            List<Grammar.Source> list = new ArrayList<>(v.size());
            for (int i = 0; i < v.size(); i++) list.add(unit(y, ptr + "/" + i, name, v.get(i)));
            units.put(name, list);
        } else if (v.isObject()) {
            units.put(name, List.of(unit(y, ptr, name, v)));
        }
    }

    private Grammar.Source unit(LocatedYaml y, String ptr, String list, JsonNode node) {
        if (!node.isObject()) {
            problems.add(new ConfigProblem(y.file(), y.line(ptr), list, "every entry of a unit list must be a mapping of fields"));
            return new Grammar.Source(Map.of(), Map.of(), "", null);
        }
        GrammarSources fields = new GrammarSources(problems);
        fields.addMapping(y, ptr, node, Set.of("when", "id"));
        String when = node.path("when").asText("");
        try {
            Cond.parse(list, when);
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(y.file(), y.line(ptr + "/when"), list + ".when", e.getMessage()));
            when = "";
        }
        if (fields.symbols.isEmpty() && fields.units.isEmpty()) {
            problems.add(new ConfigProblem(y.file(), y.line(ptr), list, "a unit needs at least one field (for an exchange: ask and reply)"));
        }
        String id = node.hasNonNull("id") ? node.get("id").asText() : null;
        return new Grammar.Source(fields.symbols, fields.units, when, id);
    }

    private String checked(LocatedYaml y, String ptr, String name, String rule) {
        try {
            Grammar.parseOption(name, rule);
            return rule;
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(y.file(), y.line(ptr), name, e.getMessage()));
            return "";
        }
    }

    /** Compiles what was read; ids of units default to {@code path/list#index}. */
    Grammar compile(String path) {
        return Grammar.compile(new Grammar.Source(symbols, units, "", null), path);
    }
}

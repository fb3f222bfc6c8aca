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
 * {@code when} is its condition ({@code "handover !crisis"}), {@code marks} the document-state tags
 * drawing it sets ({@code hedged}), and {@code id} its name in the audit trail; every other field is content. Each rule is parsed as it is read, so a malformed one is
 * reported with its file and line, and reading goes on to report the rest.
 */
final class GrammarSources {
    private final List<ConfigProblem> problems;
    private final Map<String, List<String>> symbols = new LinkedHashMap<>();
    private final Map<String, List<Grammar.Source>> units = new LinkedHashMap<>();
    /** Where each content field was written, for {@link UnusedFields}; null when not checked (banks). */
    private final List<UnusedFields.Declared> declared;

    GrammarSources(List<ConfigProblem> problems) {
        this(problems, null);
    }

    GrammarSources(List<ConfigProblem> problems, List<UnusedFields.Declared> declared) {
        this.problems = problems;
        this.declared = declared;
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
        if (declared != null) declared.add(new UnusedFields.Declared(name, y.file(), y.line(ptr), ptr.substring(1).replace('/', '.')));
        if (v.isTextual()) {
            symbols.put(name, List.of(checked(y, ptr, name, v.asText())));
        } else if (v.isArray() && v.size() > 0 && v.get(0).isTextual()) {
            List<String> rules = new ArrayList<>(v.size());
            for (int i = 0; i < v.size(); i++) {
                if (v.get(i).isTextual()) rules.add(checked(y, ptr + "/" + i, name, v.get(i).asText()));
                else problems.add(new ConfigProblem(y.file(), y.line(ptr + "/" + i), name + "[" + i + "]",
                        "must be a string (one alternative), found " + kind(v.get(i)) + "; write each alternative as its own string"));
            }
            symbols.put(name, rules);
        } else if (v.isArray() && v.size() > 0 && !v.get(0).isObject()) {
            problems.add(new ConfigProblem(y.file(), y.line(ptr + "/0"), name + "[0]",
                    "must be a string (an alternative) or a mapping (a unit), found " + kind(v.get(0))));
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
            return new Grammar.Source(Map.of(), Map.of(), "", Set.of(), null);
        }
        GrammarSources fields = new GrammarSources(problems, declared);
        fields.addMapping(y, ptr, node, Set.of("when", "marks", "id"));
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
        return new Grammar.Source(fields.symbols, fields.units, when, marks(y, ptr, list, node.path("marks")), id);
    }

    /** A unit's {@code marks}: one document-state tag or a list of them (see {@link StoryLibrary#STATE_TAGS}). */
    private Set<String> marks(LocatedYaml y, String ptr, String list, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) return Set.of();
        Set<String> out = new java.util.TreeSet<>();
        for (JsonNode m : node.isArray() ? node : List.of(node)) {
            if (m.isTextual() && StoryLibrary.STATE_TAGS.contains(m.asText())) {
                out.add(m.asText());
            } else {
                problems.add(new ConfigProblem(y.file(), y.line(ptr + "/marks"), list + ".marks", "\"" + m.asText()
                        + "\" is not a document-state tag; a unit can mark the document with one of " + new java.util.TreeSet<>(StoryLibrary.STATE_TAGS)));
            }
        }
        return out;
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

    private static String kind(JsonNode n) {
        return n.isArray() ? "a list" : n.isObject() ? "a mapping" : n.isNumber() ? "a number" : n.isBoolean() ? "true/false" : "null";
    }

    /** Compiles what was read; ids of units default to {@code path/list#index}. */
    Grammar compile(String path) {
        return Grammar.compile(new Grammar.Source(symbols, units, "", Set.of(), null), path);
    }
}

package dev.exemplar.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.text.Counts;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads typed fields out of one YAML mapping while collecting every problem (wrong type, out of
 * range, missing, unknown key with a "did you mean"), so a file's mistakes are reported together.
 * Each config section declares its schema by the calls it makes, then calls {@link #finish()}.
 */
public final class NodeReader {
    private final LocatedYaml yaml;
    private final String pointer;
    private final JsonNode node;
    private final List<ConfigProblem> problems;
    private final Set<String> known = new LinkedHashSet<>();

    public NodeReader(LocatedYaml yaml, String pointer, List<ConfigProblem> problems) {
        this.yaml = yaml;
        this.pointer = pointer;
        this.node = pointer.isEmpty() ? yaml.root() : yaml.root().at(pointer);
        this.problems = problems;
        if (!node.isMissingNode() && !node.isObject()) {
            problem("", "must be a mapping of keys to values, found " + kind(node));
        }
    }

    public LocatedYaml yaml() { return yaml; }
    public String pointer() { return pointer; }
    public List<ConfigProblem> problems() { return problems; }
    /** True when the section is absent from the file (its defaults apply). */
    public boolean absent() { return node.isMissingNode() || node.isNull(); }
    public boolean has(String key) { known.add(key); return node.isObject() && node.has(key) && !node.get(key).isNull(); }

    /** A reader for a nested mapping, sharing the problem list. */
    public NodeReader child(String key) {
        known.add(key);
        return new NodeReader(yaml, pointer + "/" + key, problems);
    }

    public String string(String key, String dflt) {
        JsonNode v = get(key);
        if (v == null) return dflt;
        if (v.isTextual()) return v.asText();
        if (v.isNumber() || v.isBoolean()) return v.asText();
        return typeError(key, "a string", v, dflt);
    }

    public String requiredString(String key) {
        JsonNode v = get(key);
        if (v == null) {
            missing(key, "a string");
            return "";
        }
        String s = string(key, "");
        if (s.isBlank() && v.isTextual()) problem(key, "must not be empty");
        return s;
    }

    /** A string that must be one of {@code allowed}. */
    public String choice(String key, Collection<String> allowed, String dflt) {
        String v = dflt == null ? requiredString(key) : string(key, dflt);
        if (v != null && !v.isEmpty() && !allowed.contains(v)) {
            problem(key, "\"" + v + "\" is not one of " + String.join(", ", allowed) + suggest(v, allowed));
            return dflt;
        }
        return v;
    }

    public boolean bool(String key, boolean dflt) {
        JsonNode v = get(key);
        if (v == null) return dflt;
        if (v.isBoolean()) return v.asBoolean();
        return typeError(key, "true or false", v, dflt);
    }

    public long integer(String key, long min, long max, long dflt) {
        JsonNode v = get(key);
        if (v == null) return dflt;
        if (!v.isIntegralNumber() || !v.canConvertToLong()) return typeError(key, "a whole number", v, dflt);
        long x = v.asLong();
        if (x < min || x > max) {
            problem(key, "must be between " + min + " and " + max + ", found " + x);
            return dflt;
        }
        return x;
    }

    public double number(String key, double min, double max, double dflt) {
        JsonNode v = get(key);
        if (v == null) return dflt;
        if (!v.isNumber()) return typeError(key, "a number", v, dflt);
        double x = v.asDouble();
        if (!(x >= min && x <= max)) {
            problem(key, "must be between " + min + " and " + max + ", found " + v.asText());
            return dflt;
        }
        return x;
    }

    /** A list of non-empty strings; {@code minSize} is checked when the key is present or required. */
    public List<String> strings(String key, int minSize, boolean required) {
        JsonNode v = get(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            if (required) missing(key, "a list of strings");
            return out;
        }
        if (!v.isArray()) return typeError(key, "a list of strings", v, out);
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual() || e.asText().isBlank()) {
                problemAt(pointer + "/" + key + "/" + i, key + "[" + i + "]", "must be a non-empty string, found " + kind(e));
            } else {
                out.add(e.asText());
            }
        }
        if (out.size() < minSize) problem(key, "needs at least " + Counts.of(minSize, "entry", "entries") + ", found " + v.size());
        return out;
    }

    /** A mapping of names to non-negative weights that do not all sum to zero. */
    public Map<String, Double> weights(String key, boolean required) {
        JsonNode v = get(key);
        Map<String, Double> out = new LinkedHashMap<>();
        if (v == null) {
            if (required) missing(key, "a mapping of ids to weights");
            return out;
        }
        if (!v.isObject()) return typeError(key, "a mapping of ids to weights", v, out);
        double sum = 0;
        for (var it = v.fields(); it.hasNext(); ) {
            var e = it.next();
            String at = pointer + "/" + key + "/" + e.getKey();
            JsonNode w = e.getValue();
            if (!w.isNumber()) {
                problemAt(at, key + "." + e.getKey(), "weight must be a number, found " + kind(w));
            } else if (w.asDouble() < 0 || !Double.isFinite(w.asDouble())) {
                problemAt(at, key + "." + e.getKey(), "weight must not be negative, found " + w.asText());
            } else {
                out.put(e.getKey(), w.asDouble());
                sum += w.asDouble();
            }
        }
        if (!out.isEmpty() && sum <= 0) problem(key, "weights sum to zero; give at least one a positive weight");
        if (!Double.isFinite(sum)) problem(key, "weights sum to more than a number can hold; use smaller weights (only their ratios matter)");
        if (v.isEmpty()) problem(key, "is empty; name at least one entry");
        return out;
    }

    /** The raw value, or null when absent; marks the key as known. */
    public JsonNode raw(String key) {
        return get(key);
    }

    /** Reports keys that no call asked for, with a suggestion from edit distance. */
    public void finish() {
        if (!(node instanceof ObjectNode o)) return;
        for (var it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                problem(k, "unknown key" + suggest(k, known) + "; known keys: " + String.join(", ", known));
            }
        }
    }

    public void problem(String key, String message) {
        problemAt(key.isEmpty() ? pointer : pointer + "/" + key, field(key), message);
    }

    public void problemAt(String ptr, String field, String message) {
        boolean fromOption = yaml.overridden(ptr);
        // A field is named by user-written keys, which can be arbitrarily long; keep messages readable.
        String shown = field != null && field.length() > 80 ? field.substring(0, 77) + "..." : field;
        problems.add(new ConfigProblem(yaml.origin(ptr), fromOption ? 0 : yaml.line(ptr), shown, message));
    }

    private String field(String key) {
        String base = pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.');
        if (key.isEmpty()) return base;
        return base.isEmpty() ? key : base + "." + key;
    }

    private JsonNode get(String key) {
        known.add(key);
        if (!node.isObject()) return null;
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    private void missing(String key, String what) {
        problem(key, "missing; add " + key + ": <" + what + ">");
    }

    private <T> T typeError(String key, String expected, JsonNode v, T dflt) {
        problem(key, "must be " + expected + ", found " + kind(v));
        return dflt;
    }

    static String kind(JsonNode v) {
        if (v.isObject()) return "a mapping";
        if (v.isArray()) return "a list";
        if (v.isTextual()) return "the string \"" + abbreviate(v.asText()) + "\"";
        if (v.isNull()) return "nothing";
        return v.getNodeType().toString().toLowerCase() + " " + v.asText();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    /** " (did you mean \"x\"?)" when a known name is close to {@code name}, else "". */
    public static String suggest(String name, Collection<String> known) {
        LevenshteinDistance ld = new LevenshteinDistance(Math.max(2, name.length() / 3));
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : known) {
            int d = ld.apply(name, k);
            if (d >= 0 && d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best == null ? "" : " (did you mean \"" + best + "\"?)";
    }
}

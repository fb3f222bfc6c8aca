package dev.exemplar.filter;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a judge's answer however the model chose to write it: a JSON object (possibly inside
 * prose or a code fence, with single quotes, trailing commas or nested {@code {"score": 4}}
 * objects), "key: 4/5" lines, or one bare score. Every value is put on the 1-5 scale: "4",
 * "4/5", "7.5 out of 10" (3.75), "80%" (4).
 */
public final class JudgeParser {
    /** Parsed scores by rubric key; {@code overall} when the answer was a single score. */
    public record Parsed(Map<String, Double> scores, String notes) {
        public boolean has(String key) { return scores.containsKey(key); }
    }

    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .build();
    private static final String NUM = "([+-]?\\d+(?:[.,]\\d+)?)";
    private static final Pattern SCORE = Pattern.compile(NUM + "\\s*(?:(?:/|out of|of)\\s*" + NUM + "|(%))?",
            Pattern.CASE_INSENSITIVE);

    private JudgeParser() {}

    public static Parsed parse(String answer) {
        if (answer == null) return new Parsed(Map.of(), null);
        Parsed best = null;
        for (int i = answer.indexOf('{'); i >= 0; i = answer.indexOf('{', i + 1)) {
            int end = matchingBrace(answer, i);
            if (end < 0) continue;
            try {
                JsonNode n = LENIENT.readTree(answer.substring(i, end + 1));
                Parsed p = fromJson(n);
                if (best == null || p.scores().size() > best.scores().size()) best = p;
            } catch (Exception ignored) {
                // Not JSON after all ("{" inside prose); keep looking.
            }
        }
        if (best != null && !best.scores().isEmpty()) return best;
        Parsed lines = fromLines(answer);
        if (!lines.scores().isEmpty()) return lines;
        Double single = single(answer);
        return single == null ? new Parsed(Map.of(), null) : new Parsed(Map.of("overall", single), null);
    }

    /** A value on the 1-5 scale, or null when the text holds no score. */
    public static Double score(String text) {
        Matcher m = SCORE.matcher(text);
        if (!m.find()) return null;
        double x = Double.parseDouble(m.group(1).replace(',', '.'));
        if (m.group(3) != null) return clamp(x / 20);
        if (m.group(2) != null) {
            double max = Double.parseDouble(m.group(2).replace(',', '.'));
            if (max <= 0) return null;
            return clamp(max == 5 ? x : x / max * 5);
        }
        if (x <= 5) return clamp(x);
        if (x <= 10) return clamp(x / 2);
        if (x <= 100) return clamp(x / 20);
        return null;
    }

    private static double clamp(double v) {
        return Math.max(1, Math.min(5, v));
    }

    private static Parsed fromJson(JsonNode n) {
        Map<String, Double> out = new LinkedHashMap<>();
        String[] notes = {null};
        collect(n, out, notes, 0);
        return new Parsed(out, notes[0]);
    }

    private static void collect(JsonNode n, Map<String, Double> out, String[] notes, int depth) {
        if (!n.isObject() || depth > 3) return;
        for (var it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            String key = dimension(e.getKey());
            JsonNode v = e.getValue();
            if (key == null) {
                String k = e.getKey().toLowerCase(Locale.ROOT);
                if (v.isTextual() && (k.contains("note") || k.contains("reason") || k.contains("comment") || k.contains("explanation"))) {
                    notes[0] = v.asText();
                } else if (v.isObject()) {
                    collect(v, out, notes, depth + 1); // {"scores": {...}}
                } else if (k.equals("overall") || k.equals("score") || k.equals("rating")) {
                    Double s = value(v);
                    if (s != null) out.putIfAbsent("overall", s);
                }
                continue;
            }
            Double s = value(v);
            if (s != null) out.put(key, s);
        }
    }

    private static Double value(JsonNode v) {
        if (v.isNumber()) return score(v.asText());
        if (v.isTextual()) return score(v.asText());
        if (v.isObject()) {
            for (String k : new String[] {"score", "rating", "value", "grade"}) if (v.has(k)) return value(v.get(k));
        }
        if (v.isArray() && !v.isEmpty()) return value(v.get(0));
        return null;
    }

    /** Maps a key the judge wrote ("Trope avoidance", "2", "safety_behaviour") to a rubric key. */
    static String dimension(String raw) {
        String k = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (k.matches("[1-8]")) return JudgeRubric.DIMENSIONS.get(Integer.parseInt(k) - 1).key();
        if (k.contains("trope")) return "trope_avoidance";
        if (k.contains("safety")) return "safety";
        if (k.contains("fidelity") || k.contains("archetype") || k.contains("adherence")) return "fidelity";
        if (k.contains("honest") || k.contains("calibrat")) return "honesty";
        if (k.contains("equanimity")) return "equanimity";
        if (k.contains("preach") || k.contains("sycophan") || k.contains("propaganda")) return "not_preachy";
        if (k.contains("narrative") || k.contains("quality") || k.contains("writing")) return "narrative";
        if (k.contains("plausib") || k.contains("accura")) return "plausibility";
        return null;
    }

    private static final Pattern LINE = Pattern.compile("^[\\s*#>\\-\\d.)]*([A-Za-z][A-Za-z _/,-]{1,60}?)\\**\\s*[:=\\-\u2013]\\s*\\**\\s*(.+)$",
            Pattern.MULTILINE);

    private static Parsed fromLines(String answer) {
        Map<String, Double> out = new LinkedHashMap<>();
        Matcher m = LINE.matcher(answer);
        while (m.find()) {
            String key = dimension(m.group(1));
            if (key == null) continue;
            Double s = score(m.group(2));
            if (s != null) out.putIfAbsent(key, s);
        }
        return new Parsed(out, null);
    }

    /** A whole answer that is one score, possibly with a few words around it ("Score: 4/5."). */
    private static Double single(String answer) {
        String t = answer.strip();
        if (t.length() > 80) return null;
        Matcher m = SCORE.matcher(t);
        if (!m.find()) return null;
        int start = m.start();
        if (m.find()) return null; // two numbers: ambiguous
        return score(t.substring(start));
    }

    private static int matchingBrace(String s, int open) {
        int depth = 0;
        boolean inString = false;
        char quote = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == quote) inString = false;
            } else if (c == '"' || c == '\'') {
                inString = true;
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}

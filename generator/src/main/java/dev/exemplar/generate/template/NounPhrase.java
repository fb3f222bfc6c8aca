package dev.exemplar.generate.template;

import java.time.Month;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A noun phrase from the banks ("the calving rota", "the Year 10 mock papers") with its grammatical
 * number, so the grammar can make verbs and pronouns agree with it ({@code {task.is}},
 * {@code {task.it}}). The number is read from the head noun (the last word before the first
 * preposition); a phrase the rule misreads ends in {@code (sg)} or {@code (pl)} in the bank. A task
 * that only happens at some time of year says when, also in a trailing parenthesis: seasons, which
 * the place's hemisphere turns into months ({@code (autumn)}), or months ({@code (November, December)}),
 * so a vineyard's picking order is not dated October in the Barossa ({@code when}; empty: any time).
 */
record NounPhrase(String text, boolean plural, Set<String> when) {
    /** The seasons a task may be marked with; months are their full English names. */
    static final Set<String> SEASONS = Set.of("spring", "summer", "autumn", "winter");

    NounPhrase(String text, boolean plural) { this(text, plural, Set.of()); }

    private static final Set<String> SINGULAR_S = Set.of("news", "series", "species", "lens", "bus", "gas", "status",
            "census", "analysis", "basis", "crisis", "thesis", "diagnosis", "chassis", "canvas", "atlas", "campus",
            "bonus", "virus", "corpus", "process", "access", "progress", "success", "address", "class", "pass",
            "business", "mattress", "compass", "mess", "boss", "loss", "glass", "grass", "cross", "press", "stress",
            "logistics", "physics", "mathematics", "maths", "electronics", "economics", "politics", "ethics", "always");

    /** Words the formats use for their own frame (the log they quote, the note they cite). */
    private static final Set<String> FRAME_WORDS = Set.of("log", "logs", "record", "records", "note", "notes", "transcript",
            "message", "messages", "report", "chat", "file", "files");

    /**
     * Reads a bank entry, honouring trailing parentheses: {@code (sg)} or {@code (pl)}, and the
     * time of year ({@code (autumn)}, {@code (November, December)}). A parenthesis of other words
     * stays in the text, where {@link #unknownMarker} finds it.
     */
    static NounPhrase of(String entry) {
        String t = entry.strip();
        Boolean plural = null;
        Set<String> when = new LinkedHashSet<>();
        while (t.endsWith(")") && t.lastIndexOf('(') > 0) {
            int open = t.lastIndexOf('(');
            String inside = t.substring(open + 1, t.length() - 1).strip();
            if (inside.equals("pl") || inside.equals("sg")) {
                plural = inside.equals("pl");
            } else {
                Set<String> words = new LinkedHashSet<>();
                for (String w : inside.split("\\s*,\\s*")) words.add(w.strip().toLowerCase(Locale.ROOT));
                if (!words.stream().allMatch(NounPhrase::timeWord)) break;
                when.addAll(words);
            }
            t = t.substring(0, open).strip();
        }
        return new NounPhrase(t, plural != null ? plural : pluralHead(t), Set.copyOf(when));
    }

    /** A word of a time-of-year marker: a season or a month's full name. */
    static boolean timeWord(String w) {
        if (SEASONS.contains(w)) return true;
        try {
            Month.valueOf(w.toUpperCase(Locale.ROOT));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A trailing parenthesis left in the text: a marker that is neither a number nor a time of year. */
    String unknownMarker() {
        return text.endsWith(")") && text.lastIndexOf('(') > 0 ? text.substring(text.lastIndexOf('(')) : null;
    }

    /**
     * The months this task can happen in at a place in the southern hemisphere ({@code south}) or
     * not; every month when it names no time of year. Seasons are meteorological (northern winter:
     * December to February), turned half a year for the south.
     */
    Set<Month> months(boolean south) {
        if (when.isEmpty()) return EnumSet.allOf(Month.class);
        Set<Month> out = EnumSet.noneOf(Month.class);
        for (String w : when) {
            int first = switch (w) {
                case "winter" -> 12;
                case "spring" -> 3;
                case "summer" -> 6;
                case "autumn" -> 9;
                default -> 0;
            };
            if (first == 0) {
                out.add(Month.valueOf(w.toUpperCase(Locale.ROOT)));
                continue;
            }
            for (int i = 0; i < 3; i++) out.add(Month.of((first - 1 + i + (south ? 6 : 0)) % 12 + 1));
        }
        return out;
    }

    /** The head noun: the last word before the first preposition, or the last word. */
    private static String head(String t) {
        return dev.exemplar.spec.TaskKinds.head(t);
    }

    private static boolean pluralHead(String t) {
        String h = head(t).toLowerCase(Locale.ROOT).replaceAll("[^a-z']", "");
        if (h.isEmpty() || SINGULAR_S.contains(h) || h.endsWith("'s") || h.endsWith("ss") || h.endsWith("us")) return false;
        return h.endsWith("s") || h.equals("people") || h.equals("children") || h.equals("data");
    }

    /**
     * How a later mention names the thing once the first has said it in full: "the" and the head
     * noun ("the fracture-clinic second reads" → "the reads", "a tenant's repair request" → "the request"),
     * the way a writer does not repeat a long name in every sentence.
     */
    String shortForm() {
        String h = head(text);
        if (h.endsWith("'s") || !h.chars().allMatch(c -> Character.isLetter(c) || c == '-')) return text;
        // "the log" would read as the chat log or the record a report quotes: such heads stay in full.
        if (FRAME_WORDS.contains(h.toLowerCase(Locale.ROOT))) return text;
        return "the " + h;
    }

    /**
     * Grammar variables for this phrase under {@code key}: {@code key}, {@code key.is}, {@code key.it},
     * ..., and {@code key.short} ({@link #shortForm()}), which {@link Expansion} says after the first mention.
     */
    void putVars(String key, Map<String, String> vars) {
        vars.put(key, text);
        vars.put(key + ".short", shortForm());
        vars.put(key + ".is", plural ? "are" : "is");
        vars.put(key + ".was", plural ? "were" : "was");
        vars.put(key + ".has", plural ? "have" : "has");
        vars.put(key + ".it", plural ? "them" : "it");
        vars.put(key + ".its", plural ? "their" : "its");
        vars.put(key + ".itis", plural ? "they're" : "it's");
        vars.put(key + ".s", plural ? "" : "s");
        vars.put(key + ".this", plural ? "these" : "this");
        vars.put(key + ".that", plural ? "those" : "that");
    }
}

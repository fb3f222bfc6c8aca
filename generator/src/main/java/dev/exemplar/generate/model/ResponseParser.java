package dev.exemplar.generate.model;

import dev.exemplar.text.Counts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model's answer defensively: strips code fences, assistant preambles ("Sure, here is...")
 * and sign-offs ("Let me know if..."), and recognises answers that are not documents at all:
 * empty, an {@code UNSUITABLE} verdict, a refusal, or text cut off at the token limit. Never throws.
 */
public final class ResponseParser {
    /** The cleaned document, or a rejection code with a human detail. */
    public record Parsed(String text, String code, String detail) {
        /** True when a truncated answer was kept by cutting it back to a full sentence. */
        public boolean trimmed() { return code == null && "trimmed".equals(detail); }
        static Parsed ok(String t) { return new Parsed(t, null, null); }
        static Parsed reject(String code, String detail) { return new Parsed(null, code, detail); }
        public boolean ok() { return code == null; }
    }

    private static final Pattern FENCE = Pattern.compile("(?s)^```[\\w-]*\\s*\\n(.*?)\\n?```\\s*$");
    private static final Pattern PREAMBLE = Pattern.compile(
            "(?i)^(sure|certainly|of course|absolutely|okay|ok|alright|here is|here's|below is|as requested|great)\\b.{0,200}?(:|!|\\.)\\s*$");
    private static final Pattern SIGNOFF = Pattern.compile(
            "(?i)^(i hope (you|this)|let me know|feel free|would you like|if you('d| would) like|i can also|this (story|piece|document) (shows|illustrates|highlights)).*");
    private static final Pattern REFUSAL = Pattern.compile(
            "(?i)^\\W*(i('m| am) sorry|i apologi[sz]e|sorry,|i can(no|')t (help|write|assist|create|comply|do)|i('m| am) (not able|unable) to|"
                    + "i won't|as an ai( language model)?, i (can(no|')t|am unable))");
    private static final Pattern UNSUITABLE = Pattern.compile("(?i)^\\W*unsuitable\\b\\W*(.*)", Pattern.DOTALL);

    private ResponseParser() {}

    /** Parses a document answer; {@code truncated} is the provider's own "hit the limit" flag. */
    public static Parsed document(String raw, boolean truncated) {
        return document(raw, truncated, false);
    }

    private static final Pattern LAST_SENTENCE = Pattern.compile("(?s)^(.*[.!?][\"'\u201d)]?)\s.*$");

    /**
     * As {@link #document(String, boolean)}; with {@code trim}, a truncated answer is cut back to its
     * last full sentence and kept when at least half of it survives.
     */
    public static Parsed document(String raw, boolean truncated, boolean trim) {
        if (trim && truncated && raw != null) {
            Matcher m = LAST_SENTENCE.matcher(raw.strip() + " ");
            if (m.matches() && m.group(1).length() * 2 >= raw.strip().length()) {
                Parsed p = document(m.group(1), false, false);
                return p.ok() ? new Parsed(p.text(), null, "trimmed") : p;
            }
        }
        if (raw == null || raw.isBlank()) return Parsed.reject("empty", "the model answered with nothing");
        String s = raw.replace("\r\n", "\n").strip();
        // Reasoning models sometimes leak their scratchpad; it is not part of the document.
        s = s.replaceAll("(?s)^<think>.*?</think>\\s*", "").strip();
        Matcher u = UNSUITABLE.matcher(s);
        if (u.matches()) {
            String why = u.group(1).strip();
            return Parsed.reject("unsuitable", "the model judged the request unsuitable" + (why.isEmpty() ? "" : ": " + abbreviate(why)));
        }
        if (truncated) {
            return Parsed.reject("truncated", "the answer hit max_output_tokens before it finished ("
                    + Counts.of(words(s), "word") + "); raise model.max_output_tokens or ask for shorter documents");
        }
        Matcher f = FENCE.matcher(s);
        if (f.matches()) s = f.group(1).strip();
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        if (!lines.isEmpty() && PREAMBLE.matcher(lines.get(0).strip()).matches()) lines.remove(0);
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
        if (!lines.isEmpty() && SIGNOFF.matcher(lines.get(lines.size() - 1).strip()).matches()) lines.remove(lines.size() - 1);
        s = String.join("\n", lines).strip();
        // A fence may follow a preamble.
        f = FENCE.matcher(s);
        if (f.matches()) s = f.group(1).strip();
        // Drop separator lines the model put around the document.
        s = s.replaceAll("(?m)\\A(-{3,}|\\*{3,})\\s*\\n", "").replaceAll("(?m)\\n(-{3,}|\\*{3,})\\s*\\z", "").strip();
        if (s.isEmpty()) return Parsed.reject("empty", "nothing left after removing the preamble");
        if (REFUSAL.matcher(s).find() && words(s) < 120) {
            return Parsed.reject("refusal", "the model refused: " + abbreviate(s));
        }
        return Parsed.ok(s);
    }

    /** The revised document after {@code REWRITE:}, with the critique; rejects when the marker is missing. */
    public static Parsed revision(String raw, boolean truncated) {
        if (raw == null) return document(null, truncated);
        int at = raw.indexOf("REWRITE:");
        if (at < 0) {
            Parsed p = document(raw, truncated);
            if (!p.ok()) return p;
            return Parsed.reject("revise_malformed", "the revision has no REWRITE: section");
        }
        return document(raw.substring(at + "REWRITE:".length()), truncated);
    }

    /** The critique part of a revision answer, or "". */
    public static String critique(String raw) {
        if (raw == null) return "";
        int c = raw.indexOf("CRITIQUE:");
        int r = raw.indexOf("REWRITE:");
        if (c < 0 || r < c) return "";
        return raw.substring(c + "CRITIQUE:".length(), r).strip();
    }

    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:\\d+[.)]|[-*\u2022])\\s+(.+)$");

    /** The items of a numbered or bulleted list, cleaned of markdown emphasis. */
    public static List<String> ideas(String raw) {
        List<String> out = new ArrayList<>();
        if (raw == null) return out;
        for (String line : raw.split("\n")) {
            Matcher m = LIST_ITEM.matcher(line);
            if (!m.matches()) continue;
            String idea = m.group(1).replace("**", "").strip();
            if (idea.split("\\s+").length >= 4) out.add(idea);
        }
        return out;
    }

    private static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 120 ? one.substring(0, 117) + "..." : one;
    }
}

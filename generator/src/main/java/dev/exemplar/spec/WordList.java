package dev.exemplar.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Reads a list of words from one fixed vocabulary (capabilities, sectors), each unknown word reported at its own line. */
final class WordList {
    private WordList() {}

    /** The distinct known words of the list at {@code key} (empty when absent); {@code kind} names a word in messages. */
    static List<String> read(NodeReader r, String key, List<String> vocabulary, String kind) {
        if (!r.has(key)) return List.of();
        List<String> out = new ArrayList<>();
        JsonNode list = r.raw(key);
        for (String w : r.strings(key, 1, false)) {
            if (vocabulary.contains(w)) {
                if (!out.contains(w)) out.add(w);
                continue;
            }
            int at = 0;
            while (at < list.size() && !w.equals(list.get(at).asText())) at++;
            r.problemAt(r.pointer() + "/" + key + "/" + at, field(r, key), unknown(w, vocabulary, kind));
        }
        return List.copyOf(out);
    }

    /** The one known word at {@code key} ("" when absent); anything else is reported there. */
    static String readOne(NodeReader r, String key, List<String> vocabulary, String kind) {
        if (!r.has(key)) return "";
        JsonNode v = r.raw(key);
        if (v.isTextual() && vocabulary.contains(v.asText())) return v.asText();
        r.problem(key, v.isTextual() ? unknown(v.asText(), vocabulary, kind) : "must be one " + kind + " word, one of " + String.join(", ", vocabulary));
        return "";
    }

    static String unknown(String w, List<String> vocabulary, String kind) {
        return "\"" + w + "\" is not a " + kind + "; use one of " + String.join(", ", vocabulary) + NodeReader.suggest(w, vocabulary);
    }

    private static String field(NodeReader r, String key) {
        String base = r.pointer().isEmpty() ? "" : r.pointer().substring(1).replace('/', '.') + ".";
        return base + key;
    }
}

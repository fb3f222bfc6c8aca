package dev.exemplar.doc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The shared Jackson mapper: stable key order, no HTML escaping surprises, UTF-8 out. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private Json() {}

    /**
     * A serialised JSON text with every unpaired surrogate written as its {@code \\uXXXX} escape.
     * Java strings can hold them (a JSON escape such as {@code "\\ud800"} reads into one), but
     * UTF-8 cannot, and encoding would turn them into '?'; the escape keeps the value as it was read.
     * Returns {@code json} itself when there is none.
     */
    public static String escapeLoneSurrogates(String json) {
        StringBuilder sb = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean lone = Character.isHighSurrogate(c) ? i + 1 >= json.length() || !Character.isLowSurrogate(json.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(json.charAt(i - 1)));
            if (lone && sb == null) sb = new StringBuilder(json.length() + 8).append(json, 0, i);
            if (sb == null) continue;
            if (lone) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb == null ? json : sb.toString();
    }
}

package dev.exemplar.dedup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.exemplar.doc.Document;
import dev.exemplar.doc.Json;
import dev.exemplar.doc.JsonlReader;

import java.io.IOException;

/**
 * Reads the only two fields dedup needs, {@code text} and {@code id}, from one JSONL line with a
 * streaming parser, instead of building the whole record as a tree. Every token is still read,
 * with the strictness of {@link JsonlReader#parseLine} (duplicate keys and trailing values are
 * errors), so a line is accepted here exactly when the tree parser accepts it; kept records are
 * written back as their original bytes and never need the tree.
 */
public final class RecordScan {
    private RecordScan() {}

    /**
     * A document whose record holds {@code text} and, when present, {@code id} (as the tree parser
     * would have read it), or null when the line is not an object with a string {@code text}.
     *
     * @throws IOException when the line is not valid JSON
     */
    public static Document scan(byte[] buf, int off, int len, long position) throws IOException {
        try (JsonParser p = JsonlReader.strictParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            String text = null;
            JsonNode id = null;
            boolean badText = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("text")) {
                    if (v == JsonToken.VALUE_STRING) text = p.getText();
                    else badText = true;
                    if (v.isStructStart()) p.skipChildren();
                } else if (name.equals("id")) {
                    id = scalar(p, v);
                } else if (v.isStructStart()) {
                    p.skipChildren();
                }
            }
            // A second value on the line: the tree parser rejects it, so let it say why.
            if (p.nextToken() != null || badText || text == null) return null;
            ObjectNode record = JsonNodeFactory.instance.objectNode();
            record.put("text", text);
            if (id != null) record.set("id", id);
            return new Document(record, position);
        }
    }

    /** The value as the tree parser builds it: common scalars directly, anything else through the mapper. */
    private static JsonNode scalar(JsonParser p, JsonToken v) throws IOException {
        return switch (v) {
            case VALUE_STRING -> TextNode.valueOf(p.getText());
            case VALUE_NULL -> NullNode.getInstance();
            case VALUE_TRUE, VALUE_FALSE -> BooleanNode.valueOf(v == JsonToken.VALUE_TRUE);
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> IntNode.valueOf(p.getIntValue());
                case LONG -> LongNode.valueOf(p.getLongValue());
                default -> Json.MAPPER.readTree(p);
            };
            default -> Json.MAPPER.readTree(p);
        };
    }
}

package dev.exemplar.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document read into a JSON tree that remembers the line of every value, so validation
 * can say {@code file:line}. Hostile input (huge, deeply nested, aliases bombs, bad UTF-8) is
 * refused with a {@link ConfigException}, never a stack trace.
 */
public final class LocatedYaml {
    /** Config files are small; anything bigger is a mistake or an attack. */
    public static final long MAX_BYTES = 2L << 20;
    private static final int MAX_DEPTH = 40;

    private final Path file;
    private final JsonNode root;
    private final Map<String, Integer> lines;
    /** Pointers whose values came from --set, with the option text that set them. */
    private final Map<String, String> overrides;

    private LocatedYaml(Path file, JsonNode root, Map<String, Integer> lines, Map<String, String> overrides) {
        this.file = file;
        this.root = root;
        this.lines = lines;
        this.overrides = overrides;
    }

    /**
     * A copy with the value at a dotted path ({@code model.temperature}) replaced by a YAML value
     * ({@code 0.9}, {@code "text"}, {@code {docs: 5}}), for {@code --set}. Problems with it are
     * reported against the option rather than a file line.
     */
    public LocatedYaml withOverride(String dottedPath, String yamlValue) {
        String option = "--set " + dottedPath + "=" + yamlValue;
        if (!root.isObject()) return this;
        JsonNode value;
        try {
            value = parse(Path.of("--set"), yamlValue.isEmpty() ? "\"\"".getBytes(StandardCharsets.UTF_8)
                    : yamlValue.getBytes(StandardCharsets.UTF_8)).root();
        } catch (ConfigException e) {
            throw new ConfigException(java.util.List.of(new ConfigProblem(null, 0, option, "value is not valid YAML")));
        }
        ObjectNode copy = ((ObjectNode) root).deepCopy();
        String[] parts = dottedPath.split("\\.");
        ObjectNode at = copy;
        StringBuilder ptr = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            ptr.append('/').append(parts[i]);
            JsonNode child = at.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = at.putObject(parts[i]);
            }
            at = (ObjectNode) child;
        }
        at.set(parts[parts.length - 1], value);
        ptr.append('/').append(parts[parts.length - 1]);
        Map<String, String> ov = new HashMap<>(overrides);
        ov.put(ptr.toString(), option);
        return new LocatedYaml(file, copy, lines, ov);
    }

    /** Where the value at {@code pointer} came from: the file, or the --set option that replaced it. */
    public Path origin(String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            String opt = overrides.get(p);
            if (opt != null) return Path.of(opt);
            if (p.isEmpty()) return file;
        }
    }

    public boolean overridden(String pointer) {
        return !origin(pointer).equals(file);
    }

    public Path file() { return file; }
    public JsonNode root() { return root; }

    /** The line of the value at a JSON pointer such as {@code /model/temperature}, or the closest parent's. */
    public int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer l = lines.get(p);
            if (l != null) return l;
            if (p.isEmpty()) return 1;
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    public static LocatedYaml read(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw problem(file, 1, "file is larger than " + (MAX_BYTES >> 20) + " MiB; config files are small YAML documents");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw problem(file, 0, "cannot read: " + e.getMessage());
        }
        return parse(file, bytes);
    }

    public static LocatedYaml parse(Path file, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            String lossy = new String(bytes, StandardCharsets.UTF_8);
            throw problem(file, lineOf(lossy, Math.max(0, lossy.indexOf('\uFFFD'))), "not valid UTF-8; save the file as UTF-8");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                throw problem(file, lineOf(text, i), "contains a control character (U+%04X); is this a binary file?".formatted((int) c));
            }
        }
        LoaderOptions lo = new LoaderOptions();
        lo.setMaxAliasesForCollections(20);
        lo.setNestingDepthLimit(MAX_DEPTH);
        lo.setCodePointLimit((int) MAX_BYTES);
        YAMLFactory f = YAMLFactory.builder().loaderOptions(lo)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = f.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) throw problem(file, 1, "file is empty");
            JsonNode root = readValue(p, "", lines);
            if (p.nextToken() != null) {
                throw problem(file, p.currentLocation().getLineNr(), "more than one YAML document; keep one per file");
            }
            return new LocatedYaml(file, root, lines, Map.of());
        } catch (ConfigException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
                    ? jpe.getLocation().getLineNr() : 0;
            throw problem(file, line, "YAML syntax error: " + cleanMessage(e));
        }
    }

    private static JsonNode readValue(JsonParser p, String ptr, Map<String, Integer> lines) throws IOException {
        lines.put(ptr, p.currentTokenLocation().getLineNr());
        JsonNodeFactory nf = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = nf.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = ptr + "/" + name.replace("~", "~0").replace("/", "~1");
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    if (o.has(name)) {
                        throw problem(null, keyLine, "duplicate key \"" + name + "\"");
                    }
                    o.set(name, readValue(p, child, lines));
                    lines.put(child, keyLine);
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = nf.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) a.add(readValue(p, ptr + "/" + i++, lines));
                return a;
            }
            case VALUE_STRING -> { return nf.textNode(p.getText()); }
            case VALUE_NUMBER_INT -> { return nf.numberNode(p.getBigIntegerValue()); }
            case VALUE_NUMBER_FLOAT -> { return nf.numberNode(p.getDecimalValue()); }
            case VALUE_TRUE -> { return nf.booleanNode(true); }
            case VALUE_FALSE -> { return nf.booleanNode(false); }
            case VALUE_NULL -> { return nf.nullNode(); }
            default -> { return nf.textNode(p.getText()); }
        }
    }

    private static String cleanMessage(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int cut = m.indexOf("\n at [Source");
        if (cut >= 0) m = m.substring(0, cut);
        return m.replaceAll("\\s+", " ").strip();
    }

    private static ConfigException problem(Path file, int line, String msg) {
        return new ConfigException(java.util.List.of(new ConfigProblem(file, line, "", msg)));
    }

    /** Rewrites a problem raised without a file name (deep inside parsing) to name the file. */
    static ConfigException withFile(ConfigException e, Path file) {
        return new ConfigException(e.problems().stream()
                .map(p -> p.file() == null ? new ConfigProblem(file, p.line(), p.field(), p.message()) : p).toList());
    }

    private static int lineOf(String s, int pos) {
        int line = 1;
        for (int i = 0; i < pos; i++) if (s.charAt(i) == '\n') line++;
        return line;
    }
}

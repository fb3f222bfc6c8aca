package dev.exemplar.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document read into a JSON tree that remembers the line of every value, so validation
 * can say {@code file:line}. Hostile input (huge, deeply nested, aliases and alias bombs, custom
 * tags, bad UTF-8, binary junk) is refused with a {@link ConfigException} naming the line, never a
 * stack trace.
 */
public final class LocatedYaml {
    /** Config files are small; anything bigger is a mistake or an attack. */
    public static final long MAX_BYTES = 2L << 20;
    private static final int MAX_DEPTH = 40;
    /** Explicit tags that only restate a core type; anything else (e.g. !!java.lang.Object) is refused. */
    private static final java.util.Set<String> STANDARD_TAGS = java.util.Set.of(
            "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
            "tag:yaml.org,2002:null", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "!!str", "!!int", "!!float",
            "!!bool", "!!null", "!!map", "!!seq", "!");

    /** Longest line accepted: the YAML scanner slows down quadratically on a single huge token. */
    static final int MAX_LINE = 64 * 1024;
    private static final YAMLFactory FACTORY = factory();

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
            throw new ConfigException(java.util.List.of(ConfigProblem.unplaced(option, "value is not valid YAML")));
        }
        ObjectNode copy = ((ObjectNode) root).deepCopy();
        String[] parts = dottedPath.split("\\.");
        ObjectNode at = copy;
        StringBuilder ptr = new StringBuilder();
        Map<String, String> ov = new HashMap<>(overrides);
        for (int i = 0; i < parts.length - 1; i++) {
            ptr.append('/').append(parts[i]);
            JsonNode child = at.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = at.putObject(parts[i]);
                // A section the option creates is the option's: what it lacks is blamed on the option, not the file.
                ov.put(ptr.toString(), option);
            }
            at = (ObjectNode) child;
        }
        at.set(parts[parts.length - 1], value);
        ptr.append('/').append(parts[parts.length - 1]);
        ov.put(ptr.toString(), option);
        return new LocatedYaml(file, copy, lines, ov);
    }

    /** Where the value at {@code pointer} came from: the file, or the --set option that replaced it. */
    public String origin(String pointer) {
        String opt = override(pointer);
        return opt != null ? opt : file == null ? null : file.toString();
    }

    public boolean overridden(String pointer) {
        return override(pointer) != null;
    }

    /** The --set option that replaced the value at {@code pointer} or a parent of it, or null. */
    private String override(String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            String opt = overrides.get(p);
            if (opt != null || p.isEmpty()) return opt;
        }
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
            if (Files.isDirectory(file)) throw problem(file, 0, "is a directory, not a YAML file");
            // Read at most one byte past the limit: a device such as /dev/zero reports size 0 and never ends.
            try (var in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) throw tooLarge(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw problem(file, 0, "no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw problem(file, 0, "cannot read: permission denied");
        } catch (IOException e) {
            throw problem(file, 0, "cannot read: " + dev.exemplar.doc.IoMessages.describe(e));
        }
        return parse(file, bytes);
    }

    public static LocatedYaml parse(Path file, byte[] bytes) {
        try {
            return parseChecked(file, bytes);
        } catch (ConfigException e) {
            // Problems raised deep inside parsing do not know the file yet.
            throw withFile(e, file);
        }
    }

    private static LocatedYaml parseChecked(Path file, byte[] bytes) {
        if (bytes.length > MAX_BYTES) throw tooLarge(file);
        String text = decodeUtf8(file, bytes);
        checkPrintable(file, text);
        YAMLFactory f = FACTORY;
        Map<String, Integer> lines = new HashMap<>();
        JsonParser p = null;
        try {
            p = f.createParser(text);
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
            throw problem(file, errorLine(e, p), "YAML syntax error: " + cleanMessage(e));
        } catch (StackOverflowError e) {
            // Cannot happen within the nesting limits, but a config error must never become a crash.
            throw problem(file, p == null ? 1 : Math.max(1, p.currentLocation().getLineNr()), "document is nested too deeply");
        } finally {
            closeQuietly(p);
        }
    }

    private static YAMLFactory factory() {
        LoaderOptions lo = new LoaderOptions();
        lo.setMaxAliasesForCollections(20);
        lo.setNestingDepthLimit(MAX_DEPTH);
        lo.setCodePointLimit((int) MAX_BYTES);
        return YAMLFactory.builder().loaderOptions(lo)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
    }

    /** Strict UTF-8; the error names the line of the first bad byte. */
    private static String decodeUtf8(Path file, byte[] bytes) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (!r.isError()) r = dec.flush(out);
        if (r.isError()) {
            int bad = in.position();
            int line = 1;
            for (int i = 0; i < bad; i++) if (bytes[i] == '\n') line++;
            throw problem(file, line, "not valid UTF-8 (byte 0x%02X at offset %d); save the file as UTF-8"
                    .formatted(bytes[Math.min(bad, bytes.length - 1)] & 0xFF, bad));
        }
        return out.flip().toString();
    }

    /** YAML allows only printable characters; anything else is usually a binary file saved as .yaml. */
    private static void checkPrintable(Path file, String text) {
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineStart = i + 1;
            } else if (i - lineStart >= MAX_LINE) {
                throw problem(file, lineOf(text, i), "line is longer than " + MAX_LINE
                        + " characters; break long text over several lines (a YAML > or | block)");
            }
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7E) || c == 0x85
                    || (c >= 0xA0 && c <= 0xFFFD) || Character.isSurrogate(c);
            if (!ok) {
                throw problem(file, lineOf(text, i), "contains a control or non-printable character (U+%04X); is this a binary file?"
                        .formatted((int) c));
            }
        }
    }

    private static ConfigException tooLarge(Path file) {
        return problem(file, 1, "file is larger than " + (MAX_BYTES >> 20) + " MiB; config files are small YAML documents");
    }

    private static int errorLine(Exception e, JsonParser p) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m && m.getProblemMark() != null) return m.getProblemMark().getLine() + 1;
        }
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null && jpe.getLocation().getLineNr() > 0) {
            return jpe.getLocation().getLineNr();
        }
        if (p != null && p.currentLocation().getLineNr() > 0) return p.currentLocation().getLineNr();
        return 1;
    }

    private static void closeQuietly(JsonParser p) {
        if (p == null) return;
        try {
            p.close();
        } catch (IOException | RuntimeException ignored) {
            // The document already failed or succeeded; closing an in-memory parser cannot lose data.
        }
    }

    private static JsonNode readValue(JsonParser p, String ptr, Map<String, Integer> lines) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        lines.put(ptr, line);
        if (p instanceof YAMLParser yp) {
            // Jackson would silently turn an alias into its anchor's name, and aliases are how
            // "billion laughs" bombs are built; config files are small enough to spell values out.
            if (yp.isCurrentAlias()) {
                throw problem(null, line, "aliases (*" + yp.getText() + ") are not supported; write the value out");
            }
            String tag = yp.getTypeId();
            if (tag != null && !STANDARD_TAGS.contains(tag)) {
                throw problem(null, line, "YAML tag " + abbreviate(tag) + " is not supported; remove it");
            }
        }
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
                        throw problem(null, keyLine, "duplicate key \"" + abbreviate(name) + "\"");
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
            default -> throw problem(null, line, "unsupported YAML value (" + p.currentToken() + "); use plain text, numbers, lists and mappings");
        }
    }

    private static String abbreviate(String s) {
        return abbreviate(s, 60);
    }

    /** The parser's own words without its stack of source snippets. */
    private static String cleanMessage(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m && m.getProblem() != null) {
                String msg = m.getProblem();
                if (m.getContext() != null && m.getContextMark() != null) {
                    msg += " (" + m.getContext() + " started at line " + (m.getContextMark().getLine() + 1) + ")";
                }
                return abbreviate(msg.replaceAll("\\s+", " ").strip(), 300);
            }
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (m.contains("nesting depth")) return "nested more than " + MAX_DEPTH + " levels deep; config files are shallow";
        if (m.startsWith("Expected a field name")) return "a key must be plain text, not a list or a mapping";
        int cut = m.indexOf("\n at [Source");
        if (cut >= 0) m = m.substring(0, cut);
        m = m.replaceAll(" in 'reader', line \\d+, column \\d+:.*", "");
        return abbreviate(m.replaceAll("\\s+", " ").strip(), 300);
    }

    private static String abbreviate(String s, int max) {
        return s.length() > max ? s.substring(0, max - 3) + "..." : s;
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

package dev.exemplar.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exemplar.doc.Json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns a valid config file into an invalid one, in ways a user (or a broken disk, or an attacker)
 * produces: YAML syntax breaks, wrong types, unknown keys, duplicated keys, huge and deeply nested
 * documents, alias bombs, invalid UTF-8, binary junk and truncation. Every mutation is built so the
 * result can never be a valid config; a loader that accepts one has a hole.
 */
final class ConfigMutator {

    /** What was done, for the failure report; {@code expectedLine} is exact when known, else 0. */
    record Mutant(String kind, String detail, byte[] bytes, int expectedLine, String expectedText) {}

    enum Kind {
        SYNTAX, WRONG_TYPE, UNKNOWN_KEY, TYPO_KEY, DUPLICATE_KEY, DEEP_BLOCK, DEEP_FLOW, ALIAS_BOMB, ALIAS,
        CUSTOM_TAG, INVALID_UTF8, BINARY_JUNK, BINARY_FILE, TRUNCATION, HUGE, HUGE_KEY, EMPTY, WRONG_ROOT, NUMBER_EDGE
    }

    private static final JsonNodeFactory NF = JsonNodeFactory.instance;
    /** Lines that break YAML wherever a top-level key may start. */
    private static final List<String> BROKEN_LINES = List.of(
            "broken: [unclosed, flow, list",
            "broken: {unclosed: flow",
            "- a stray list item in a mapping",
            "broken: value: another value",
            "@reserved: indicator",
            "`reserved: indicator",
            "broken: \"bad escape \\q\"",
            "broken: !!binary not*base64",
            "---\nsecond: document",
            "broken: \"unterminated",
            "\tindented: with a tab",
            "broken: |\n bad\n  indentation\n wrong: x\n   more");

    private final String kindName;
    private final byte[] original;
    private final String text;
    private final JsonNode tree;
    private final Set<String> requiredTopKeys;
    /** Pointers whose subtree is free-form content or not yet validated by its owner. */
    private final Predicate<String> freeForm;

    ConfigMutator(String kindName, byte[] original, JsonNode tree, Set<String> requiredTopKeys, Predicate<String> freeForm) {
        this.kindName = kindName;
        this.original = original;
        this.text = new String(original, StandardCharsets.UTF_8);
        this.tree = tree;
        this.requiredTopKeys = requiredTopKeys;
        this.freeForm = freeForm;
    }

    Mutant mutate(Kind kind, Random rnd) {
        return switch (kind) {
            case SYNTAX -> syntax(rnd);
            case WRONG_TYPE -> wrongType(rnd);
            case UNKNOWN_KEY -> unknownKey(rnd, false);
            case TYPO_KEY -> unknownKey(rnd, true);
            case DUPLICATE_KEY -> duplicateKey(rnd);
            case DEEP_BLOCK -> deepBlock(rnd);
            case DEEP_FLOW -> deepFlow(rnd);
            case ALIAS_BOMB -> aliasBomb(rnd);
            case ALIAS -> alias(rnd);
            case CUSTOM_TAG -> customTag(rnd);
            case INVALID_UTF8 -> invalidUtf8(rnd);
            case BINARY_JUNK -> binaryJunk(rnd);
            case BINARY_FILE -> binaryFile(rnd);
            case TRUNCATION -> truncation(rnd);
            case HUGE -> huge(rnd);
            case HUGE_KEY -> hugeKey(rnd);
            case EMPTY -> empty(rnd);
            case WRONG_ROOT -> wrongRoot(rnd);
            case NUMBER_EDGE -> numberEdge(rnd);
        };
    }

    // ---- text-level mutations on the original file -------------------------------------------

    /** Offsets (in the string) where a top-level key starts, plus the end of the file. */
    private List<Integer> topLevelStarts() {
        List<Integer> out = new ArrayList<>();
        int pos = 0;
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && line.charAt(0) != '#' && line.charAt(0) != '-') {
                out.add(pos);
            }
            pos += line.length() + 1;
        }
        out.add(text.endsWith("\n") ? text.length() : -1);
        out.removeIf(i -> i < 0);
        return out;
    }

    private String withNewline() {
        return text.endsWith("\n") ? text : text + "\n";
    }

    private Mutant insertAtTopLevel(String kind, String detail, String block, Random rnd) {
        String base = withNewline();
        List<Integer> starts = topLevelStarts();
        int at = starts.get(rnd.nextInt(starts.size()));
        if (at > base.length()) at = base.length();
        String out = base.substring(0, at) + block + "\n" + base.substring(at);
        return new Mutant(kind, detail + " at line " + lineAt(base, at), utf8(out), 0, null);
    }

    private Mutant syntax(Random rnd) {
        String line = BROKEN_LINES.get(rnd.nextInt(BROKEN_LINES.size()));
        return insertAtTopLevel("syntax", "inserted " + quote(line), line, rnd);
    }

    private Mutant deepFlow(Random rnd) {
        int depth = 41 + rnd.nextInt(rnd.nextBoolean() ? 100 : 20_000);
        boolean map = rnd.nextBoolean();
        StringBuilder sb = new StringBuilder("deep: ");
        for (int i = 0; i < depth; i++) sb.append(map ? "{k: " : "[");
        sb.append("x");
        for (int i = 0; i < depth; i++) sb.append(map ? "}" : "]");
        return insertAtTopLevel("deep-flow", "flow " + (map ? "mappings" : "lists") + " nested " + depth + " deep", sb.toString(), rnd);
    }

    private Mutant aliasBomb(Random rnd) {
        int levels = 5 + rnd.nextInt(6);
        StringBuilder sb = new StringBuilder("lol0: &lol0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (int i = 1; i <= levels; i++) {
            sb.append("lol").append(i).append(": &lol").append(i).append(" [");
            for (int j = 0; j < 9; j++) sb.append(j == 0 ? "" : ", ").append("*lol").append(i - 1);
            sb.append("]\n");
        }
        sb.setLength(sb.length() - 1);
        return insertAtTopLevel("alias-bomb", "billion laughs, " + levels + " levels", sb.toString(), rnd);
    }

    private Mutant customTag(Random rnd) {
        String[] tags = {"!!java.lang.Object", "!!javax.script.ScriptEngineManager", "!custom", "!<tag:example.com,2026:x>", "!!python/object:os.system"};
        String tag = tags[rnd.nextInt(tags.length)];
        List<String> ptrs = pointers(tree, "", p -> !freeForm.test(p) && !p.isEmpty());
        String ptr = ptrs.get(rnd.nextInt(ptrs.size()));
        // Tag a scalar copy of the value: the tag itself must be refused, whatever it decorates.
        JsonNode copy = tree.deepCopy();
        JsonNode parent = parentOf(copy, ptr);
        String last = lastSegment(ptr);
        String marker = "TAGGED-" + rnd.nextInt(1_000_000);
        set(parent, last, NF.textNode(marker));
        String out = Emitter.emit(copy).replace("\"" + marker + "\"", tag + " \"" + marker + "\"");
        return new Mutant("custom-tag", "tag " + tag + " on " + ptr, utf8(out), 0, null);
    }

    private Mutant invalidUtf8(Random rnd) {
        byte[][] bad = {
                {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xC3, 0x28}, {(byte) 0x80},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                {(byte) 0xE2, (byte) 0x82, 0x41}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        byte[] seq = bad[rnd.nextInt(bad.length)];
        int at = charBoundary(rnd.nextInt(original.length + 1));
        byte[] out = splice(original, at, 0, seq);
        return new Mutant("invalid-utf8", "bytes " + hex(seq) + " at offset " + at, out, lineOfByte(original, at), "UTF-8");
    }

    private Mutant binaryJunk(Random rnd) {
        int n = 8 + rnd.nextInt(505);
        byte[] junk = new byte[n];
        rnd.nextBytes(junk);
        junk[rnd.nextInt(n)] = (byte) rnd.nextInt(9); // at least one control byte, so it is never text
        int at = charBoundary(rnd.nextInt(original.length + 1));
        boolean overwrite = rnd.nextBoolean();
        int remove = overwrite ? Math.min(n, original.length - at) : 0;
        byte[] out = splice(original, at, remove, junk);
        return new Mutant("binary-junk", (overwrite ? "overwrote " : "inserted ") + n + " random bytes at offset " + at, out,
                lineOfByte(original, at), null);
    }

    private Mutant binaryFile(Random rnd) {
        byte[][] headers = {
                {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, {0x1F, (byte) 0x8B, 0x08, 0x00},
                {'P', 'K', 0x03, 0x04}, {0x7F, 'E', 'L', 'F'}, {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE}};
        byte[] h = headers[rnd.nextInt(headers.length)];
        byte[] body = new byte[64 + rnd.nextInt(4096)];
        rnd.nextBytes(body);
        byte[] out = splice(body, 0, 0, h);
        return new Mutant("binary-file", "a binary file starting " + hex(h), out, 0, null);
    }

    /** Cuts the file before the last required top-level key, so something required is always lost. */
    private Mutant truncation(Random rnd) {
        int lastRequired = -1;
        int pos = 0;
        for (String line : text.split("\n", -1)) {
            for (String k : requiredTopKeys) {
                if (line.startsWith(k + ":")) lastRequired = Math.max(lastRequired, pos);
            }
            pos += line.length() + 1;
        }
        if (lastRequired <= 0) throw new IllegalStateException(kindName + " seed has no required key after line 1");
        int cutChars = rnd.nextInt(lastRequired);
        int cut = utf8(text.substring(0, cutChars)).length;
        // Sometimes cut inside a multi-byte character too, as a torn write would.
        if (rnd.nextInt(4) == 0) {
            for (int i = cut; i < lastRequiredByte(lastRequired); i++) {
                if ((original[i] & 0xC0) == 0x80) {
                    cut = i;
                    break;
                }
            }
        }
        return new Mutant("truncation", "cut to " + cut + " of " + original.length + " bytes", Arrays.copyOf(original, cut), 0, null);
    }

    private int lastRequiredByte(int charOffset) {
        return utf8(text.substring(0, charOffset)).length;
    }

    private Mutant huge(Random rnd) {
        int size = (int) dev.exemplar.spec.LocatedYaml.MAX_BYTES + 1 + rnd.nextInt(1 << 16);
        StringBuilder sb = new StringBuilder(size + 64).append(withNewline());
        String filler = switch (rnd.nextInt(3)) {
            case 0 -> "# padding comment that goes on and on\n";
            case 1 -> "  - another list entry of filler text\n";
            default -> "filler: yes\n";
        };
        if (filler.startsWith("  -")) sb.append("padding:\n");
        while (sb.length() < size) sb.append(filler);
        return new Mutant("huge", sb.length() + " bytes of " + quote(filler.strip()), utf8(sb.toString()), 1, "larger than");
    }

    private Mutant hugeKey(Random rnd) {
        int n = rnd.nextBoolean() ? 2_000 + rnd.nextInt(60_000) : 70_000 + rnd.nextInt(1_000_000);
        String key = "k".repeat(n);
        // An explicit key ("? key") is exempt from the scanner's 1024-character limit on simple keys.
        boolean explicit = rnd.nextBoolean();
        String line = explicit ? "? " + key + "\n: 1" : key + ": 1";
        return insertAtTopLevel("huge-key", (explicit ? "an explicit key of " : "a key of ") + n + " characters", line, rnd);
    }

    private Mutant empty(Random rnd) {
        String[] empties = {"", "\n\n", "   \n", "# only a comment\n", "---\n", "---\n...\n", "\uFEFF"};
        String e = empties[rnd.nextInt(empties.length)];
        return new Mutant("empty", "file is " + quote(e), utf8(e), 0, null);
    }

    private Mutant wrongRoot(Random rnd) {
        String[] roots = {"- a\n- list\n", "just a sentence\n", "42\n", "true\n", "null\n", "[1, 2, 3]\n", "\"quoted\"\n", "~\n"};
        String r = roots[rnd.nextInt(roots.length)];
        return new Mutant("wrong-root", "root is " + quote(r.strip()), utf8(r), 1, null);
    }

    // ---- tree-level mutations, written back out in canonical YAML ---------------------------

    private Mutant wrongType(Random rnd) {
        List<String> ptrs = pointers(tree, "", p -> !freeForm.test(p));
        String ptr = ptrs.get(rnd.nextInt(ptrs.size()));
        JsonNode copy = tree.deepCopy();
        JsonNode old = ptr.isEmpty() ? copy : copy.at(ptr);
        JsonNode replacement;
        if (old.isObject()) {
            replacement = rnd.nextBoolean() ? NF.arrayNode().add("a").add("b") : NF.textNode("not a mapping");
        } else if (old.isArray()) {
            replacement = rnd.nextBoolean() ? NF.objectNode().put("a", 1) : NF.textNode("not a list");
        } else if (old.isNumber()) {
            replacement = switch (rnd.nextInt(3)) {
                case 0 -> NF.textNode("twelve");
                case 1 -> NF.arrayNode().add(1);
                default -> NF.objectNode().put("value", 1);
            };
        } else {
            replacement = rnd.nextBoolean() ? NF.objectNode().put("text", "x") : NF.arrayNode().add("x").add("y");
        }
        if (ptr.isEmpty()) {
            return new Mutant("wrong-type", "root replaced by " + replacement, utf8(Emitter.emit(replacement)), 1, null);
        }
        set(parentOf(copy, ptr), lastSegment(ptr), replacement);
        return new Mutant("wrong-type", ptr + " (" + kind(old) + ") replaced by " + replacement, utf8(Emitter.emit(copy)), 0, null);
    }

    private Mutant unknownKey(Random rnd, boolean typo) {
        // A key added to a free-form mapping is content, not a mistake.
        List<String> maps = pointers(tree, "", p -> !freeForm.test(p + "/key") && (p.isEmpty() ? tree : tree.at(p)).isObject());
        if (typo) maps.removeIf(p -> (p.isEmpty() ? tree : tree.at(p)).isEmpty());
        String ptr = maps.get(rnd.nextInt(maps.size()));
        ObjectNode copy = (ObjectNode) tree.deepCopy();
        ObjectNode target = (ObjectNode) (ptr.isEmpty() ? copy : copy.at(ptr));
        String key;
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        // The value is a copy of a sibling's, so only the key is wrong (as with a real typo).
        JsonNode value = names.isEmpty() ? NF.numberNode(1) : target.get(names.get(rnd.nextInt(names.size()))).deepCopy();
        if (typo) {
            String k = names.get(rnd.nextInt(names.size()));
            int i = rnd.nextInt(k.length());
            key = k.substring(0, i + 1) + k.charAt(i) + k.substring(i + 1); // doubled letter: "seed" -> "seeed"
            if (target.has(key)) key = key + "x";
        } else {
            key = "fuzz_" + Integer.toString(rnd.nextInt(1 << 20), 36);
        }
        target.set(key, value);
        return new Mutant(typo ? "typo-key" : "unknown-key", "key " + quote(key) + " added to " + (ptr.isEmpty() ? "/" : ptr),
                utf8(Emitter.emit(copy)), 0, typo ? "did you mean" : null);
    }

    private Mutant duplicateKey(Random rnd) {
        List<String> maps = pointers(tree, "", p -> (p.isEmpty() ? tree : tree.at(p)).isObject() && !(p.isEmpty() ? tree : tree.at(p)).isEmpty());
        String ptr = maps.get(rnd.nextInt(maps.size()));
        JsonNode target = ptr.isEmpty() ? tree : tree.at(ptr);
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        String key = names.get(rnd.nextInt(names.size()));
        String out = Emitter.emit(tree, ptr, key);
        return new Mutant("duplicate-key", "key " + quote(key) + " of " + (ptr.isEmpty() ? "/" : ptr) + " written twice", utf8(out), 0, "duplicate key");
    }

    private Mutant deepBlock(Random rnd) {
        List<String> maps = pointers(tree, "", p -> (p.isEmpty() ? tree : tree.at(p)).isObject());
        String ptr = maps.get(rnd.nextInt(maps.size()));
        ObjectNode copy = (ObjectNode) tree.deepCopy();
        ObjectNode target = (ObjectNode) (ptr.isEmpty() ? copy : copy.at(ptr));
        int depth = 41 + rnd.nextInt(200);
        JsonNode deep = NF.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            deep = rnd.nextInt(3) == 0 ? NF.arrayNode().add(deep) : NF.objectNode().set("level", deep);
        }
        target.set("deep", deep);
        return new Mutant("deep-block", "block nesting " + depth + " deep under " + (ptr.isEmpty() ? "/" : ptr), utf8(Emitter.emit(copy)), 0, null);
    }

    private Mutant alias(Random rnd) {
        // An anchor on one value and an alias elsewhere: harmless-looking, but Jackson would read
        // the alias as the anchor's name, so it must be refused rather than silently mis-read.
        List<String> ptrs = pointers(tree, "", p -> !p.isEmpty() && !freeForm.test(p));
        String from = ptrs.get(rnd.nextInt(ptrs.size()));
        JsonNode copy = tree.deepCopy();
        String marker = "ANCHOR-" + rnd.nextInt(1_000_000);
        JsonNode value = copy.at(from);
        set(parentOf(copy, from), lastSegment(from), NF.textNode(marker));
        String yaml = Emitter.emit(copy);
        String emitted = Emitter.scalar(value.isValueNode() ? value : NF.textNode("x"));
        yaml = yaml.replace("\"" + marker + "\"", "&a1 " + emitted);
        yaml = yaml + (rnd.nextBoolean() ? "copied: *a1\n" : "merged:\n  <<: *a1\n");
        return new Mutant("alias", "anchor on " + from + ", alias at the end", utf8(yaml), 0, "alias");
    }

    private Mutant numberEdge(Random rnd) {
        List<String> nums = pointers(tree, "", p -> !freeForm.test(p) && !p.isEmpty() && tree.at(p).isNumber());
        String[] edges = {".nan", ".inf", "-.inf", "1" + "0".repeat(1500), "-" + "9".repeat(1200)};
        String edge = edges[rnd.nextInt(edges.length)];
        if (nums.isEmpty()) return insertAtTopLevel("number-edge", "number " + edge.substring(0, Math.min(12, edge.length())), "number: " + edge, rnd);
        String ptr = nums.get(rnd.nextInt(nums.size()));
        JsonNode copy = tree.deepCopy();
        String marker = "NUMBER-" + rnd.nextInt(1_000_000);
        set(parentOf(copy, ptr), lastSegment(ptr), NF.textNode(marker));
        String yaml = Emitter.emit(copy).replace("\"" + marker + "\"", edge);
        return new Mutant("number-edge", ptr + " = " + edge.substring(0, Math.min(12, edge.length())), utf8(yaml), 0, null);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Every pointer in the tree (the root is ""), in document order, that {@code keep} accepts. */
    static List<String> pointers(JsonNode n, String ptr, Predicate<String> keep) {
        List<String> out = new ArrayList<>();
        if (keep.test(ptr)) out.add(ptr);
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> out.addAll(pointers(e.getValue(), ptr + "/" + escape(e.getKey()), keep)));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) out.addAll(pointers(n.get(i), ptr + "/" + i, keep));
        }
        return out;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode parentOf(JsonNode root, String ptr) {
        String parent = ptr.substring(0, ptr.lastIndexOf('/'));
        return parent.isEmpty() ? root : root.at(parent);
    }

    private static String lastSegment(String ptr) {
        return ptr.substring(ptr.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }

    private static void set(JsonNode parent, String segment, JsonNode value) {
        if (parent instanceof ObjectNode o) o.set(segment, value);
        else ((ArrayNode) parent).set(Integer.parseInt(segment), value);
    }

    private static String kind(JsonNode n) {
        return n.getNodeType().toString().toLowerCase();
    }

    /** Moves an offset back to the start of a UTF-8 character, so insertions do not split one. */
    private int charBoundary(int at) {
        while (at > 0 && at < original.length && (original[at] & 0xC0) == 0x80) at--;
        return at;
    }

    static int lineOfByte(byte[] b, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < b.length; i++) if (b[i] == '\n') line++;
        return line;
    }

    private static int lineAt(String s, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (s.charAt(i) == '\n') line++;
        return line;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
        out.write(b, 0, at);
        out.write(insert, 0, insert.length);
        out.write(b, at + remove, b.length - at - remove);
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) sb.append(String.format("%02X ", x & 0xFF));
        return sb.toString().strip();
    }

    private static String quote(String s) {
        String t = s.replace("\n", "\\n").replace("\t", "\\t");
        return "\"" + (t.length() > 60 ? t.substring(0, 57) + "..." : t) + "\"";
    }

    /**
     * A canonical block-style YAML writer: one key or list item per line, every string and key
     * double-quoted (JSON escapes are valid YAML), so mutations can address lines reliably.
     */
    static final class Emitter {
        private Emitter() {}

        static String emit(JsonNode root) {
            return emit(root, null, null);
        }

        /** Writes {@code root}; when {@code dupPtr} is set, the entry {@code dupKey} of that mapping is written twice. */
        static String emit(JsonNode root, String dupPtr, String dupKey) {
            StringBuilder sb = new StringBuilder();
            if (root.isContainerNode() && !root.isEmpty()) write(root, "", 0, sb, dupPtr, dupKey);
            else sb.append(scalar(root)).append('\n');
            return sb.toString();
        }

        private static void write(JsonNode n, String ptr, int indent, StringBuilder sb, String dupPtr, String dupKey) {
            String pad = " ".repeat(indent);
            if (n.isObject()) {
                var it = n.fields();
                while (it.hasNext()) {
                    var e = it.next();
                    int times = ptr.equals(dupPtr) && e.getKey().equals(dupKey) ? 2 : 1;
                    for (int t = 0; t < times; t++) {
                        sb.append(pad).append(scalar(NF.textNode(e.getKey()))).append(':');
                        child(e.getValue(), ptr + "/" + escape(e.getKey()), indent, sb, dupPtr, dupKey);
                    }
                }
            } else {
                for (int i = 0; i < n.size(); i++) {
                    sb.append(pad).append('-');
                    child(n.get(i), ptr + "/" + i, indent, sb, dupPtr, dupKey);
                }
            }
        }

        private static void child(JsonNode v, String ptr, int indent, StringBuilder sb, String dupPtr, String dupKey) {
            if (v.isContainerNode() && !v.isEmpty()) {
                sb.append('\n');
                write(v, ptr, indent + 2, sb, dupPtr, dupKey);
            } else {
                sb.append(' ').append(scalar(v)).append('\n');
            }
        }

        static String scalar(JsonNode v) {
            if (v.isObject()) return "{}";
            if (v.isArray()) return "[]";
            if (v.isNull()) return "null";
            if (v.isBoolean()) return v.asText();
            if (v.isIntegralNumber()) return v.bigIntegerValue().toString();
            if (v.isNumber()) {
                String s = v.decimalValue().toPlainString();
                return s.contains(".") ? s : s + ".0"; // YAML 1.1 floats need a dot
            }
            try {
                return Json.MAPPER.writeValueAsString(v.asText());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

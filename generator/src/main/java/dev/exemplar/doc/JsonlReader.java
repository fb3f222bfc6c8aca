package dev.exemplar.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Streams documents from JSONL files ({@code .jsonl}, {@code .jsonl.gz}) and directories of them,
 * in a stable order. Malformed lines are reported with file and line, then skipped or fatal.
 */
public final class JsonlReader {
    /** Strict per-line parsing: a second value or a repeated key on one line makes the line bad, not half-read. */
    private static final com.fasterxml.jackson.databind.ObjectReader STRICT = Json.MAPPER.reader()
            .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ThreadLocal<java.nio.charset.CharsetDecoder> UTF8 = ThreadLocal.withInitial(() ->
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
    private final BadLinePolicy policy;
    private final Consumer<String> warnings;
    private long badLines;

    /** @param warnings receives one message per skipped line */
    public JsonlReader(BadLinePolicy policy, Consumer<String> warnings) {
        this.policy = policy;
        this.warnings = warnings;
    }

    public long badLines() { return badLines; }

    /** Expands files and directories into the JSONL files they name, sorted within a directory. */
    public static List<Path> expand(List<Path> inputs) {
        return expand(inputs, note -> {});
    }

    /**
     * As {@link #expand(List)}, telling {@code notes} for each directory which files it reads and
     * which it ignores: files not named {@code .jsonl} or {@code .jsonl.gz} (such as {@code .json}
     * or {@code .JSONL}), and hidden files and folders (such as a run's lock or unfinished build).
     */
    public static List<Path> expand(List<Path> inputs, Consumer<String> notes) {
        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                List<Path> read = new ArrayList<>(), ignored = new ArrayList<>();
                try (Stream<Path> s = Files.walk(in)) {
                    s.filter(p -> !p.equals(in)).sorted().forEach(p -> {
                        Path rel = in.relativize(p);
                        int hidden = -1;
                        for (int i = rel.getNameCount() - 1; i >= 0; i--) if (rel.getName(i).toString().startsWith(".")) hidden = i;
                        if (hidden >= 0) {
                            // A hidden folder is named once, not file by file.
                            if (hidden == rel.getNameCount() - 1) ignored.add(rel);
                        } else if (Files.isRegularFile(p)) {
                            if (isJsonl(p)) read.add(p);
                            else ignored.add(rel);
                        }
                    });
                } catch (IOException e) {
                    throw new BadInputException(in + ": cannot read: " + IoMessages.describe(e));
                }
                files.addAll(read);
                notes.accept(in + ": reading " + read.size() + (read.size() == 1 ? " file" : " files")
                        + (ignored.isEmpty() ? "" : "; ignored " + names(ignored) + " (only .jsonl and .jsonl.gz files are read, hidden ones never)"));
            } else if (Files.isRegularFile(in)) {
                if (!Files.isReadable(in)) throw new BadInputException(in + ": cannot read: permission denied");
                files.add(in);
            } else if (Files.exists(in)) {
                throw new BadInputException(in + ": not a regular file (a device or a pipe has no end to read to); give a file or a directory");
            } else {
                throw new BadInputException(in + ": no such file or directory");
            }
        }
        return files;
    }

    private static String names(List<Path> paths) {
        int show = Math.min(paths.size(), 6);
        String head = String.join(", ", paths.subList(0, show).stream().map(Path::toString).toList());
        return paths.size() > show ? head + " and " + (paths.size() - show) + " more" : head;
    }

    public static boolean isJsonl(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".jsonl") || n.endsWith(".jsonl.gz");
    }

    /** Calls {@code sink} for each good document of every input, in order; positions count from 0. */
    public void read(List<Path> inputs, Consumer<Document> sink) {
        long position = 0;
        for (Path file : expand(inputs)) {
            position = readFile(file, position, sink);
        }
    }

    private long readFile(Path file, long position, Consumer<Document> sink) {
        long[] pos = {position};
        try {
            eachLine(file, (lineNo, line) -> {
                if (line == null) {
                    // Replacing bad bytes would silently change a document's text; report the line instead.
                    bad(file, lineNo, "not valid UTF-8");
                    return;
                }
                if (line.isBlank()) return;
                Document d = parse(file, lineNo, line, pos[0]);
                if (d != null) {
                    sink.accept(d);
                    pos[0]++;
                }
            });
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + dev.exemplar.doc.IoMessages.describe(e));
        }
        return pos[0];
    }

    /** Receives each physical line of a JSONL file; {@code text} is null when its bytes are not valid UTF-8. */
    public interface LineSink {
        void line(long lineNo, String text) throws IOException;
    }

    /**
     * Receives each physical line as bytes: {@code buf[off, off + len)}, valid only during the call
     * (the buffer is reused), so a sink that keeps a line copies it.
     */
    public interface RawLineSink {
        void line(long lineNo, byte[] buf, int off, int len) throws IOException;
    }

    /**
     * Calls {@code sink} for every line of a {@code .jsonl} or {@code .jsonl.gz} file, numbered from 1,
     * without its line ending ({@code \n} or {@code \r\n}); a last line without a newline counts too.
     */
    public static void eachLine(Path file, LineSink sink) throws IOException {
        eachRawLine(file, (lineNo, buf, off, len) -> sink.line(lineNo, decode(buf, off, len)));
    }

    /**
     * The same lines as {@link #eachLine}, undecoded: the file is read in large blocks and split
     * on {@code \n} in place, so a caller that can work on bytes (dedup writes kept lines back
     * byte for byte) pays for no per-line decoding or copying it does not need. The line ending,
     * {@code \n} or {@code \r\n}, is no part of the line (as in Hadoop's text input, which
     * exemplar-spark reads through, so both write the same bytes back); nor is a byte-order mark
     * at the start of the file.
     */
    public static void eachRawLine(Path file, RawLineSink sink) throws IOException {
        try (InputStream in = openBytes(file)) {
            byte[] buf = new byte[1 << 16];
            int start = 0, end = 0, scan = 0;
            long lineNo = 0;
            while (true) {
                int nl = -1;
                for (int i = scan; i < end; i++) {
                    if (buf[i] == '\n') {
                        nl = i;
                        break;
                    }
                }
                if (nl >= 0) {
                    sink.line(++lineNo, buf, start, withoutCr(buf, start, nl) - start);
                    start = nl + 1;
                    scan = start;
                    continue;
                }
                // No newline in what is buffered: keep the partial line and read more behind it.
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    start = 0;
                }
                if (end == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                scan = end;
                int n = in.read(buf, end, buf.length - end);
                if (n < 0) {
                    if (end > start) sink.line(++lineNo, buf, start, withoutCr(buf, start, end) - start);
                    return;
                }
                end += n;
            }
        }
    }

    private static int withoutCr(byte[] buf, int start, int end) {
        return end > start && buf[end - 1] == '\r' ? end - 1 : end;
    }

    /** Strict UTF-8 decoding of a line, or null when its bytes are not valid UTF-8. */
    public static String decode(byte[] buf, int off, int len) {
        try {
            return UTF8.get().decode(java.nio.ByteBuffer.wrap(buf, off, len)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    /** Whether the bytes are valid UTF-8: a plain scan for ASCII, the strict decoder otherwise. */
    public static boolean isUtf8(byte[] buf, int off, int len) {
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (buf[i] < 0) return decode(buf, i, end - i) != null;
        }
        return true;
    }

    /**
     * Whether a line holds only whitespace (as {@link String#isBlank}), decided on the bytes: the
     * first ASCII non-space byte settles it, and only a line of spaces and non-ASCII characters is
     * decoded. A line that is not valid UTF-8 is not blank.
     */
    public static boolean isBlank(byte[] buf, int off, int len) {
        int end = off + len;
        boolean ascii = true;
        for (int i = off; i < end; i++) {
            byte b = buf[i];
            if (b < 0) ascii = false;
            else if (!Character.isWhitespace(b)) return false;
        }
        if (ascii) return true;
        String s = decode(buf, off, len);
        return s != null && s.isBlank();
    }

    /** Parses one JSONL line strictly: a second value or a repeated key makes the line bad rather than half-read. */
    public static JsonNode parseLine(String line) throws IOException {
        return STRICT.readTree(line);
    }

    /** {@link #parseLine(String)} on a line's UTF-8 bytes. */
    public static JsonNode parseLine(byte[] buf, int off, int len) throws IOException {
        return STRICT.readTree(buf, off, len);
    }

    /** A streaming parser over one line with the same strictness as {@link #parseLine}, for callers that read a few fields only. */
    public static com.fasterxml.jackson.core.JsonParser strictParser(byte[] buf, int off, int len) throws IOException {
        return STRICT.createParser(buf, off, len);
    }

    /**
     * Why a line that is valid UTF-8 is not a usable record: "not valid JSON (...)", "not a JSON
     * object" or "no string field \"text\"".
     */
    public static String problem(IOException parseError) {
        return "not valid JSON (" + firstLine(parseError.getMessage()) + ")";
    }

    /** The problem with a parsed value that is not a record with a string {@code text}, or null for a good one. */
    public static String problem(JsonNode n) {
        if (n instanceof ObjectNode o && o.path("text").isTextual()) return null;
        return n instanceof ObjectNode ? "no string field \"text\"" : "not a JSON object";
    }

    private Document parse(Path file, long lineNo, String line, long position) {
        String problem;
        try {
            JsonNode n = parseLine(line);
            problem = problem(n);
            if (problem == null) return new Document((ObjectNode) n, position);
        } catch (IOException e) {
            problem = problem(e);
        }
        bad(file, lineNo, problem);
        return null;
    }

    /** Reports a malformed line: fatal under FAIL, a warning and a count under SKIP. */
    private void bad(Path file, long lineNo, String problem) {
        String msg = file + ":" + lineNo + ": " + problem;
        if (policy == BadLinePolicy.FAIL) {
            throw new BadInputException(msg + " (use --on-bad-line skip to skip such lines)");
        }
        badLines++;
        warnings.accept(msg + "; skipped");
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    /** Opens a plain or gzipped file's bytes, past a UTF-8 byte-order mark. */
    private static InputStream openBytes(Path file) throws IOException {
        java.io.BufferedInputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) in = new java.io.BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF)) in.reset();
        return in;
    }

    public static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
        // Invalid UTF-8 becomes U+FFFD instead of an exception halfway through a file.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return withoutBom(new BufferedReader(new InputStreamReader(in, decoder), 1 << 16));
    }

    /**
     * The reader past a leading byte-order mark (U+FEFF), which editors on some systems write at
     * the start of UTF-8 files and which is no part of the first line. Every reader of user files
     * skips it this way (byte readers in {@link #eachRawLine}).
     */
    public static BufferedReader withoutBom(BufferedReader r) throws IOException {
        r.mark(1);
        if (r.read() != '\uFEFF') r.reset();
        return r;
    }
}

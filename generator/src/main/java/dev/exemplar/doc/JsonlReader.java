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
        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.walk(in)) {
                    s.filter(Files::isRegularFile).filter(JsonlReader::isJsonl).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(in)) {
                files.add(in);
            } else {
                throw new BadInputException(in + ": no such file or directory");
            }
        }
        return files;
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
        try (BufferedReader r = open(file)) {
            String line;
            long lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                Document d = parse(file, lineNo, line, position);
                if (d != null) {
                    sink.accept(d);
                    position++;
                }
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
        return position;
    }

    private Document parse(Path file, long lineNo, String line, long position) {
        String problem;
        try {
            JsonNode n = Json.MAPPER.readTree(line);
            if (n instanceof ObjectNode o && o.path("text").isTextual()) return new Document(o, position);
            problem = n instanceof ObjectNode ? "no string field \"text\"" : "not a JSON object";
        } catch (IOException e) {
            problem = "not valid JSON (" + firstLine(e.getMessage()) + ")";
        }
        String msg = file + ":" + lineNo + ": " + problem;
        if (policy == BadLinePolicy.FAIL) {
            throw new BadInputException(msg + " (use --on-bad-line skip to skip such lines)");
        }
        badLines++;
        warnings.accept(msg + "; skipped");
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    /** Opens a plain or gzipped UTF-8 file; invalid bytes become U+FFFD. */
    public static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) in = new GZIPInputStream(in, 1 << 16);
        // Invalid UTF-8 becomes U+FFFD instead of an exception halfway through a file.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    }
}

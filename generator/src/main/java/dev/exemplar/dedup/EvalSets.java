package dev.exemplar.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.JsonlReader;
import dev.exemplar.spec.ConfigException;
import dev.exemplar.spec.ConfigProblem;
import dev.exemplar.spec.LocatedYaml;
import dev.exemplar.spec.NodeReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns the paths given to decontamination into eval files: JSONL files, {@code .txt} files,
 * directories of them, and set lists in YAML ({@code decontam/sets.yaml}):
 *
 * <pre>
 * sets:
 *   - name: anthropic-evals
 *     path: ../../shared/evaldata/anthropic-evals   # relative to the list file
 *     fields: [question, statement]                 # optional, default DEFAULT_FIELDS
 *     optional: true                                # skip quietly when not downloaded
 * </pre>
 */
public final class EvalSets {
    /** The JSONL fields read as eval items unless a set names its own. */
    public static final List<String> DEFAULT_FIELDS = List.of("text", "statement", "question", "prompt", "problem");

    /** One eval file and the fields to read from it. */
    public record Source(Path path, List<String> fields) {}

    private EvalSets() {}

    public static List<Source> resolve(List<Path> paths) {
        List<Source> out = new ArrayList<>();
        for (Path p : paths) {
            String n = p.getFileName() == null ? "" : p.getFileName().toString();
            if (Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"))) {
                out.addAll(readList(p));
            } else {
                out.addAll(files(p, DEFAULT_FIELDS));
            }
        }
        return out;
    }

    private static List<Source> files(Path p, List<String> fields) {
        if (Files.isRegularFile(p)) return List.of(new Source(p, fields));
        if (!Files.isDirectory(p)) throw new BadInputException(p + ": no such eval set file or directory");
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> JsonlReader.isJsonl(f) || f.getFileName().toString().endsWith(".txt"))
                    .sorted()
                    .map(f -> new Source(f, fields))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Source> readList(Path list) {
        LocatedYaml y = LocatedYaml.read(list);
        List<ConfigProblem> problems = new ArrayList<>();
        NodeReader root = new NodeReader(y, "", problems);
        JsonNode sets = root.raw("sets");
        root.finish();
        List<Source> out = new ArrayList<>();
        if (sets == null || !sets.isArray()) {
            root.problem("sets", "must be a list of {name, path, fields, optional} entries");
        } else {
            Path base = list.toAbsolutePath().getParent();
            for (int i = 0; i < sets.size(); i++) {
                NodeReader e = new NodeReader(y, "/sets/" + i, problems);
                e.requiredString("name");
                String path = e.requiredString("path");
                List<String> fields = e.strings("fields", 1, false);
                boolean optional = e.bool("optional", false);
                e.string("source", "");
                e.string("description", "");
                e.finish();
                if (path.isEmpty()) continue;
                Path p = base.resolve(path).normalize();
                if (!Files.exists(p)) {
                    if (!optional) e.problem("path", "no such file or directory: " + p + " (mark the set optional: true to skip it when absent)");
                    continue;
                }
                out.addAll(files(p, fields.isEmpty() ? DEFAULT_FIELDS : fields));
            }
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return out;
    }
}

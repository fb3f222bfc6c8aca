package dev.exemplar.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.ConfigException;
import dev.exemplar.spec.ConfigProblem;
import dev.exemplar.spec.LocatedYaml;
import dev.exemplar.spec.NodeReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data banks the planner draws attributes from ({@code templates/banks/*.yaml}): every
 * top-level key of every bank file is a named list, and {@code files} says which file defines each.
 * Plain data, reviewable without Java.
 */
public record AttributeBanks(Map<String, List<JsonNode>> lists, Map<String, Path> files) {

    public static AttributeBanks load(Path templatesDir) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, List<JsonNode>> lists = new LinkedHashMap<>();
        Map<String, Path> origin = new LinkedHashMap<>();
        for (Path f : Catalog.yamlFiles(templatesDir.resolve("banks"))) {
            LocatedYaml y;
            try {
                y = LocatedYaml.read(f);
            } catch (ConfigException e) {
                problems.addAll(e.problems());
                continue;
            }
            NodeReader r = new NodeReader(y, "", problems);
            for (var it = y.root().fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                    r.problem(e.getKey(), "a bank entry must be a non-empty list");
                    continue;
                }
                if (origin.containsKey(e.getKey())) {
                    r.problem(e.getKey(), "bank \"" + e.getKey() + "\" is already defined in " + origin.get(e.getKey()));
                    continue;
                }
                List<JsonNode> items = new ArrayList<>();
                e.getValue().forEach(items::add);
                lists.put(e.getKey(), List.copyOf(items));
                origin.put(e.getKey(), f);
                if (e.getKey().equals("settings")) RoleTable.check(y, "/settings", problems);
            }
        }
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return new AttributeBanks(lists, origin);
    }

    /** The named list; a missing bank is a project error reported by {@code validate}. */
    public List<JsonNode> list(String name) {
        List<JsonNode> l = lists.get(name);
        if (l == null) {
            throw new ConfigException(List.of(ConfigProblem.unplaced("banks",
                    "no bank named \"" + name + "\" in templates/banks/; add it as a top-level list")));
        }
        return l;
    }

    /** Where the named bank is defined, as a user names it ({@code templates/banks/settings.yaml}), for messages. */
    public Path shownFile(String name) {
        Path f = files.get(name);
        return f != null ? Path.of("templates", "banks", f.getFileName().toString()) : Path.of("templates", "banks");
    }
}

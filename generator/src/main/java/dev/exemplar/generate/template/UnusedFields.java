package dev.exemplar.generate.template;

import dev.exemplar.spec.ConfigProblem;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds archetype content fields that no skeleton and no rule reads, so {@code validate} reports a
 * typo such as {@code reactt} or {@code headdline} with its file and line instead of the content
 * silently never appearing (any field name is legal grammar, so nothing else would notice).
 */
final class UnusedFields {
    private UnusedFields() {}

    /** A field as written in a file: its name and where. */
    record Declared(String name, Path file, int line, String where) {}

    /**
     * Names a skeleton reads: {@code g.name}, {@code x.name}, and any quoted name, since skeletons
     * also look symbols up by a name held in a list ({@code ["act", "work"]}, {@code g[kind]}).
     */
    private static final Pattern SKELETON_NAME = Pattern.compile("(?:\\.|\")([A-Za-z_][A-Za-z0-9_]*)");
    /** Unit fields the engine itself reads. */
    private static final Set<String> ENGINE_FIELDS = Set.of("when", "id");

    static void check(List<Declared> declared, Collection<Grammar> grammars, Path templatesDir, List<ConfigProblem> problems) {
        if (declared.isEmpty()) return;
        Set<String> used = new HashSet<>(ENGINE_FIELDS);
        for (Grammar g : grammars) collect(g, used);
        try (Stream<Path> files = Files.walk(templatesDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ftl")).toList()) {
                Matcher m = SKELETON_NAME.matcher(Files.readString(f));
                while (m.find()) used.add(m.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Declared d : declared) {
            if (used.contains(d.name())) continue;
            problems.add(new ConfigProblem(d.file(), d.line(), d.where(), "\"" + d.name() + "\" is read by no skeleton and no rule, "
                    + "so it would never appear" + suggestion(d.name(), used) + "; rename it or remove it"));
        }
    }

    private static void collect(Grammar g, Set<String> used) {
        for (String ref : g.symbolReferences(c -> true)) {
            used.add(ref);
            used.add(Modifiers.base(ref));
            int dot = ref.indexOf('.');
            if (dot > 0) used.add(ref.substring(0, dot));
        }
        for (Grammar.Unit u : g.allUnits()) collect(u.fields(), used);
    }

    private static String suggestion(String name, Set<String> used) {
        LevenshteinDistance distance = new LevenshteinDistance(2);
        return used.stream().filter(u -> distance.apply(name, u) >= 0)
                .min(java.util.Comparator.comparingInt((String u) -> distance.apply(name, u)).thenComparing(u -> u))
                .map(u -> " (did you mean \"" + u + "\"?)").orElse("");
    }
}

package dev.exemplar.spec;

import dev.exemplar.cache.JvmCache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything a project defines: its archetype specs and formats, and where its templates live.
 * The project root is the directory holding {@code archetypes/} and {@code templates/}.
 *
 * <p>A catalog loads from a directory ({@link #load}), from the classpath of a job jar
 * ({@link #fromClasspath}) or from a {@link ProjectBundle} in memory ({@link #fromBundle}), and it
 * serialises as its bundle: a Spark executor that receives one rebuilds it once per JVM.
 */
public record Catalog(Path root, Map<String, ArchetypeSpec> archetypes, Map<String, FormatSpec> formats)
        implements java.io.Serializable {

    public Path archetypesDir() { return root.resolve("archetypes"); }
    public Path templatesDir() { return root.resolve("templates"); }
    public Path formatsDir() { return templatesDir().resolve("formats"); }

    /**
     * The project root a command works in: {@code project} when given (or its nearest ancestor
     * that is a project), else the project holding {@code near} (a mix file), else the one at or
     * above the working directory. The one lookup every command uses.
     */
    public static Path locate(Path project, Path near) {
        if (project != null) return findRoot(project);
        if (near != null) {
            Path dir = near.toAbsolutePath().getParent();
            try {
                if (dir != null) return findRoot(dir);
            } catch (ConfigException notThere) {
                // A mix kept outside the project: fall back to the working directory.
            }
        }
        return findRoot(Path.of(""));
    }

    /** The files this catalog was loaded from, in memory, to ship to other JVMs. */
    public ProjectBundle bundle() {
        return ProjectBundle.read(root, root.toString());
    }

    /** The catalog of a bundle, loaded once per JVM (a bundle is unpacked to a private temporary directory). */
    public static Catalog fromBundle(ProjectBundle bundle) {
        return JvmCache.get("catalog:" + bundle.hash(), () -> load(bundle.unpack()));
    }

    /** The project a job jar carries under {@code exemplar-project/}, or null when it carries none. */
    public static Catalog fromClasspath(ClassLoader loader) {
        ProjectBundle b = ProjectBundle.fromClasspath(loader);
        return b == null ? null : fromBundle(b);
    }

    /** Serialised as its bundle: the loaded specs are rebuilt on the other side. */
    private Object writeReplace() {
        return new Shipped(bundle());
    }

    /** The serial form of a catalog. */
    private record Shipped(ProjectBundle bundle) implements java.io.Serializable {
        private Object readResolve() {
            return fromBundle(bundle);
        }
    }

    /** Finds the project root: {@code start} or its nearest ancestor with archetypes/ and templates/. */
    public static Path findRoot(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("archetypes")) && Files.isDirectory(p.resolve("templates"))) return p;
        }
        throw new ConfigException(List.of(ConfigProblem.unplaced("",
                "no Exemplar project found at or above " + start.toAbsolutePath()
                        + " (a project has archetypes/ and templates/ directories); run from the project root")));
    }

    /** Loads and validates every spec and format; throws with all problems at once. */
    public static Catalog load(Path root) {
        List<ConfigProblem> problems = new ArrayList<>();
        Catalog c = read(root, problems);
        if (!problems.isEmpty()) throw new ConfigException(problems);
        return c;
    }

    /** Loads what it can, adding every problem to {@code problems}. */
    public static Catalog read(Path root, List<ConfigProblem> problems) {
        Map<String, ArchetypeSpec> archetypes = new TreeMap<>();
        for (Path f : yamlFiles(root.resolve("archetypes"))) {
            ArchetypeSpec s = readOne(f, problems, ArchetypeSpec::read);
            if (s != null && !s.id().isEmpty()) archetypes.put(s.id(), s);
        }
        Map<String, FormatSpec> formats = new TreeMap<>();
        for (Path f : yamlFiles(root.resolve("templates").resolve("formats"))) {
            FormatSpec s = readOne(f, problems, FormatSpec::read);
            if (s != null && !s.id().isEmpty()) formats.put(s.id(), s);
        }
        if (archetypes.isEmpty()) problems.add(new ConfigProblem(root.resolve("archetypes"), 0, "", "no archetype specs found"));
        if (formats.isEmpty()) problems.add(new ConfigProblem(root.resolve("templates/formats"), 0, "", "no formats found"));
        return new Catalog(root, archetypes, formats);
    }

    interface Reader<T> {
        T read(LocatedYaml y, List<ConfigProblem> problems);
    }

    static <T> T readOne(Path f, List<ConfigProblem> problems, Reader<T> reader) {
        try {
            return reader.read(LocatedYaml.read(f), problems);
        } catch (ConfigException e) {
            problems.addAll(LocatedYaml.withFile(e, f).problems());
            return null;
        }
    }

    public static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a mix file against this catalog. */
    public Mix loadMix(Path mixFile) {
        try {
            return Mix.load(LocatedYaml.read(mixFile), this);
        } catch (ConfigException e) {
            throw LocatedYaml.withFile(e, mixFile);
        }
    }
}

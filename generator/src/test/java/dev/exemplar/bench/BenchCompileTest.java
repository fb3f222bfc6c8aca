package dev.exemplar.bench;

import dev.exemplar.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The benchmarks in bench/ are single-file programs run with {@code java -cp ... bench/X.java}, so
 * no build step compiles them. This test compiles each against the built classes and the
 * dependencies, so a change that breaks one fails the test command instead of rotting unseen.
 */
class BenchCompileTest {
    @TempDir Path out;

    @Test
    void everyJavaBenchmarkCompilesAgainstTheCurrentClasses() throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.walk(TestProject.root().resolve("bench"))) {
            sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertFalse(sources.isEmpty(), "bench/ holds Java benchmarks");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests run on a JDK, which has javac");
        List<String> errors = new ArrayList<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
            for (Path source : sources) {
                // Each file separately, as `java bench/X.java` compiles it: two may declare the same class names.
                Path classes = Files.createDirectories(out.resolve(source.getFileName().toString()));
                DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
                List<String> options = List.of("--release", "17", "-proc:none", "-d", classes.toString(), "-classpath", mainClasspath());
                boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(source)).call();
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        errors.add(TestProject.root().relativize(source) + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
                    }
                }
                if (!ok && errors.isEmpty()) errors.add(source + ": did not compile");
            }
        }
        assertEquals(List.of(), errors, "every benchmark in bench/ compiles");
    }

    /** The classes and dependencies a benchmark runs with (exemplar.jar and lib/*): the test classes left out. */
    private static String mainClasspath() {
        return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> !p.endsWith("test-classes") && !p.endsWith("test-classes/"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }
}

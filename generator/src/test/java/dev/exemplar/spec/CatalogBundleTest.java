package dev.exemplar.spec;

import dev.exemplar.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** A catalog loads from a directory, a job jar's classpath or a bundle, and survives serialisation. */
class CatalogBundleTest {
    private final Catalog dir = Catalog.load(TestProject.root());

    @Test
    void serialisesAsItsBundleAndIsRebuiltOncePerJvm() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(dir);
        }
        Catalog back = read(bytes.toByteArray());
        assertSame(back, read(bytes.toByteArray()), "the second copy reuses the first");
        assertNotEquals(dir.root(), back.root());
        assertEquals(dir.archetypes().keySet(), back.archetypes().keySet());
        assertEquals(dir.formats().keySet(), back.formats().keySet());
        dir.formats().forEach((id, f) -> assertEquals(f.instructions(), back.formats().get(id).instructions()));
        assertEquals(dir.bundle().hash(), back.bundle().hash(), "the rebuilt catalog holds the same files");
        // What the loaders read from the files works on the copy: banks, templates, the lexicon.
        assertTrue(Files.isRegularFile(back.templatesDir().resolve("story/short-story.ftl")));
        assertTrue(Files.isRegularFile(back.root().resolve("filters/tropes.yaml")));
        assertEquals(new dev.exemplar.plan.Planner(dir).sample(7, 3, cell()),
                new dev.exemplar.plan.Planner(back).sample(7, 3, cell()));
    }

    @Test
    void loadsFromAJobJarsClasspath(@TempDir Path tmp) throws Exception {
        Path jar = tmp.resolve("job.jar");
        ProjectBundle b = dir.bundle();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // Directory entries first, as maven-jar-plugin writes them.
            java.util.Set<String> dirs = new java.util.TreeSet<>();
            for (String name : b.files().keySet()) {
                for (int i = name.indexOf('/'); i > 0; i = name.indexOf('/', i + 1)) dirs.add(name.substring(0, i + 1));
            }
            out.putNextEntry(new JarEntry(ProjectBundle.CLASSPATH_ROOT + "/"));
            for (String d : dirs) out.putNextEntry(new JarEntry(ProjectBundle.CLASSPATH_ROOT + "/" + d));
            for (var e : b.files().entrySet()) {
                out.putNextEntry(new JarEntry(ProjectBundle.CLASSPATH_ROOT + "/" + e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Catalog c = Catalog.fromClasspath(loader);
            assertNotNull(c);
            assertEquals(dir.archetypes().keySet(), c.archetypes().keySet());
            assertEquals(b.hash(), ProjectBundle.fromClasspath(loader).hash());
        }
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertNull(Catalog.fromClasspath(empty));
        }
    }

    @Test
    void theProjectIsLocatedFromTheMixFileThenTheWorkingDirectory(@TempDir Path tmp) throws Exception {
        Path root = TestProject.root();
        assertEquals(root, Catalog.locate(null, root.resolve("mixes/default.yaml")));
        assertEquals(root, Catalog.locate(root.resolve("archetypes"), null));
        Path outside = Files.writeString(tmp.resolve("mix.yaml"), "name: x\n");
        assertEquals(Catalog.findRoot(Path.of("")), Catalog.locate(null, outside));
        assertThrows(ConfigException.class, () -> Catalog.locate(tmp, null));
    }

    private dev.exemplar.plan.Plan.Cell cell() {
        return new dev.exemplar.plan.Plan.Cell(dir.archetypes().keySet().iterator().next(),
                dir.formats().keySet().iterator().next(), "template");
    }

    private static Catalog read(byte[] b) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return (Catalog) in.readObject();
        }
    }
}

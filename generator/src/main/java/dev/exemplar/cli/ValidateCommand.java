package dev.exemplar.cli;

import dev.exemplar.generate.template.SandboxedFreemarker;
import dev.exemplar.plan.AttributeBanks;
import dev.exemplar.plan.AttributeSampler;
import dev.exemplar.spec.ArchetypeSpec;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.ConfigException;
import dev.exemplar.generate.template.StoryLibrary;
import dev.exemplar.spec.ConfigProblem;
import dev.exemplar.spec.FormatSpec;
import dev.exemplar.spec.LocatedYaml;
import dev.exemplar.spec.Mix;
import dev.exemplar.text.Counts;
import freemarker.template.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code exemplar validate}: checks specs, formats, banks, mixes and templates, listing every problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validates archetype specs, formats, data banks, mixes and templates.",
                "Checks all of the project's files by default and lists every problem as",
                "file:line: field: what is wrong. Exits 2 when there is any problem.",
                "A file outside the project (a draft) is checked against the project of --project, else the one",
                "at or above the current directory."},
        footer = {"", "Examples:",
                "  exemplar validate",
                "  exemplar validate archetypes/comfort-with-shutdown.yaml mixes/default.yaml",
                "  exemplar validate templates/",
                "  exemplar validate ../drafts/archetypes/new-trait.yaml",
                "  exemplar validate shared/their-mix.yaml --set name=my-run   (a mix from elsewhere, with overrides)"})
final class ValidateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files or directories to validate (default: archetypes/, mixes/, templates/).")
    List<Path> paths = new ArrayList<>();

    @Mixin ProjectOptions project;

    @Override
    public Integer call() {
        Path root = project.root(paths.isEmpty() ? null : paths.get(0));
        List<ConfigProblem> problems = new ArrayList<>();
        Catalog catalog = Catalog.read(root, new ArrayList<>());
        List<Path> files = new ArrayList<>();
        for (Path p : paths.isEmpty()
                ? List.of(root.resolve("archetypes"), root.resolve("templates"), root.resolve("mixes")) : paths) {
            files.addAll(expand(p));
        }
        Configuration fm = SandboxedFreemarker.create(catalog.templatesDir());
        int checked = 0;
        boolean banksChecked = false;
        boolean storyContentChecked = false;
        for (Path f : files) {
            String name = f.getFileName().toString();
            String parent = f.toAbsolutePath().getParent().getFileName().toString();
            checked++;
            if (name.endsWith(".ftl")) {
                checkTemplate(fm, catalog.templatesDir(), f, problems);
                storyContentChecked = true;
            } else if (!(name.endsWith(".yaml") || name.endsWith(".yml"))) {
                checked--;
                if (paths.contains(f)) {
                    problems.add(new ConfigProblem(f, 0, "", "not a config file; validate checks .yaml and .yml files and .ftl templates"));
                }
            } else if (parent.equals("banks")) {
                storyContentChecked = true;
                if (!banksChecked) collect(problems, () -> AttributeBanks.load(catalog.templatesDir()));
                banksChecked = true;
            } else if (parent.equals("archetypes")) {
                storyContentChecked = true;
                collect(problems, () -> ArchetypeSpec.read(LocatedYaml.read(f), problems));
            } else if (parent.equals("formats")) {
                collect(problems, () -> FormatSpec.read(LocatedYaml.read(f), problems));
            } else if (parent.equals("mixes") || paths.contains(f)) {
                // A YAML file named on its own outside the project's folders is a mix (a shared one, say).
                collect(problems, () -> Mix.load(project.effectiveMix(f, null, null), catalog));
            } else {
                checked--;
            }
        }
        // Story content (banks, archetypes' story fields) is free grammar: the story library checks it
        // as a whole, so a project whose archetypes, banks or skeletons were checked is loaded once.
        if (storyContentChecked && Files.isDirectory(catalog.templatesDir().resolve("banks"))) {
            try {
                StoryLibrary.load(catalog);
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            } catch (RuntimeException e) {
                // A project the per-file checks above already find broken cannot be loaded as a whole.
                if (problems.isEmpty()) throw e;
            }
            // Every scenario's needs met by some setting's role; bank problems are already listed above.
            try {
                AttributeSampler.of(catalog);
            } catch (ConfigException e) {
                e.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (problems.isEmpty()) {
            out.println("OK: " + Counts.of(checked, "file") + " valid.");
            return ExitCodes.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        problems.forEach(p -> err.println("error: " + p));
        err.println(Counts.of(problems.size(), "problem") + " in " + Counts.of(checked, "file") + ".");
        return ExitCodes.BAD_INPUT;
    }

    private static void collect(List<ConfigProblem> problems, Runnable r) {
        try {
            r.run();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
    }

    private static void checkTemplate(Configuration fm, Path templatesDir, Path f, List<ConfigProblem> problems) {
        Path rel = templatesDir.toAbsolutePath().normalize().relativize(f.toAbsolutePath().normalize());
        try {
            if (rel.startsWith("..")) {
                // A draft outside templates/: the sandboxed loader refuses it, so parse its text directly.
                new freemarker.template.Template(f.getFileName().toString(), Files.readString(f), fm);
            } else {
                fm.getTemplate(rel.toString().replace('\\', '/'));
            }
        } catch (freemarker.core.ParseException e) {
            problems.add(new ConfigProblem(f, e.getLineNumber(), "", "template syntax error: " + e.getEditorMessage()));
        } catch (IOException e) {
            problems.add(new ConfigProblem(f, 0, "", "cannot load template: " + e.getMessage()));
        }
    }

    private static List<Path> expand(Path p) {
        if (!Files.exists(p)) {
            throw new dev.exemplar.doc.BadInputException(p + ": no such file or directory");
        }
        if (!Files.isDirectory(p)) return List.of(p);
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

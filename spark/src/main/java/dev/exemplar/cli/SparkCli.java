package dev.exemplar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exemplar.dedup.DedupRunner;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.spark.DedupJob;
import dev.exemplar.spark.FilterJob;
import dev.exemplar.spark.GenerateJob;
import dev.exemplar.spark.JobMix;
import dev.exemplar.spark.Sessions;
import dev.exemplar.spec.Catalog;
import dev.exemplar.spec.ConfigException;
import dev.exemplar.spec.LocatedYaml;
import dev.exemplar.spec.Mix;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code exemplar-spark}: the CLI's own {@code generate}, {@code filter} and {@code dedup}
 * commands (the same options, parsed and checked by the same classes), run as Spark jobs. Each
 * gains {@code --master} (default {@code local[*]}) and {@code --conf KEY=VALUE}, passed to Spark.
 * Lives in the CLI's package to read the parsed options of its commands.
 */
public final class SparkCli {
    @CommandLine.Command(name = "exemplar-spark", mixinStandardHelpOptions = true,
            versionProvider = Main.Version.class,
            description = {"Runs Exemplar's generate, filter and dedup as Apache Spark jobs: the same options as",
                    "`exemplar`, plus --master (local[*], spark://HOST:7077, yarn, k8s://...) and --conf KEY=VALUE."},
            footer = {"", "Examples:",
                    "  exemplar-spark dedup --in corpus.jsonl --out out --master local[2]",
                    "  exemplar-spark filter --in data/ --out filtered --mix mixes/default.yaml",
                    "  exemplar-spark generate --mix mixes/default.yaml --docs 100000 --out output/spark-run",
                    "  spark-submit --class dev.exemplar.spark.SparkMain exemplar-spark-job.jar dedup --in /data/in --out /data/out",
                    "", "Outputs have the CLI's names; kept.jsonl, removed.jsonl, rejected.jsonl and data/ are directories of",
                    "part-NNNNN.jsonl files, in input (or plan) order.",
                    "Exit codes: 0 success, 1 runtime failure, 2 bad usage or bad input."})
    static final class Top implements Runnable {
        @Override
        public void run() {
            throw new CommandLine.ParameterException(new CommandLine(this), "name a command: generate, filter or dedup");
        }
    }

    private SparkCli() {}

    /** Runs a command line; returns the exit code. {@code defaultMaster} is null under spark-submit, which sets it. */
    public static int run(String defaultMaster, String... args) {
        CommandLine cl = new CommandLine(new Top());
        cl.addSubcommand("generate", new GenerateCommand());
        cl.addSubcommand("filter", new FilterCommand());
        cl.addSubcommand("dedup", new DedupCommand());
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            spec.addOption(OptionSpec.builder("--master").paramLabel("URL").type(String.class).defaultValue(defaultMaster)
                    .description("Spark master: local[*] (all cores here), local[2], spark://HOST:7077, yarn, k8s://URL."
                            + (defaultMaster == null ? " Default: what spark-submit set." : " Default: " + defaultMaster + "."))
                    .build());
            spec.addOption(OptionSpec.builder("--conf").paramLabel("KEY=VALUE").type(Map.class)
                    .auxiliaryTypes(String.class, String.class)
                    .description("A Spark setting, repeatable: --conf spark.executor.memory=8g --conf spark.sql.shuffle.partitions=2000.")
                    .build());
        }
        cl.setUsageHelpWidth(110);
        cl.setExecutionExceptionHandler(new Errors());
        cl.setParameterExceptionHandler(Errors::usage);
        cl.setExecutionStrategy(parse -> {
            Integer help = CommandLine.executeHelpRequest(parse);
            if (help != null) return help;
            if (!parse.hasSubcommand()) return new CommandLine.RunLast().execute(parse);
            CommandLine.ParseResult sub = parse.subcommand();
            try {
                return execute(sub);
            } catch (CommandLine.ParameterException | CommandLine.ExecutionException e) {
                throw e;
            } catch (Exception e) {
                throw new CommandLine.ExecutionException(sub.commandSpec().commandLine(), unwrap(e).getMessage(), unwrap(e));
            }
        });
        return cl.execute(args);
    }

    private static int execute(CommandLine.ParseResult sub) throws Exception {
        CommandSpec spec = sub.commandSpec();
        Object cmd = spec.userObject();
        String master = spec.findOption("--master").getValue();
        Map<String, String> conf = spec.findOption("--conf").getValue();
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (cmd instanceof DedupCommand d && d.curve) return d.call();  // nothing to run on a cluster
        if (cmd instanceof DedupCommand d && d.gzip) throw new BadInputException("--gzip is not supported by exemplar-spark; its part files are plain JSONL");
        if (cmd instanceof GenerateCommand g && (g.resume || g.allowConfigChange)) {
            throw new BadInputException("exemplar-spark generate runs a plan from the start; --resume is exemplar generate's "
                    + "(a failed Spark task is retried by Spark)");
        }
        // Validate everything that needs no cluster before starting one.
        Runnable job;
        Sessions.Handle[] session = new Sessions.Handle[1];
        java.util.function.Supplier<JavaSparkContext> sc = () -> {
            session[0] = Sessions.open(master, conf == null ? Map.of() : conf);
            return JavaSparkContext.fromSparkContext(session[0].session().sparkContext());
        };
        if (cmd instanceof DedupCommand d) {
            if (d.in.isEmpty()) throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--in=FILE_OR_DIR'");
            if (d.out == null) throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--out=DIR'");
            var params = new DedupJob.Params(d.in, d.against, d.out, d.settings(), d.badLines.policy, d.overwrite);
            job = () -> {
                DedupRunner.Summary s = DedupJob.run(sc.get(), params, m -> { err.println(m); err.flush(); });
                DedupCommand.printSummary(out, s);
            };
        } else if (cmd instanceof FilterCommand f) {
            Catalog catalog = catalog(f.project.project, f.mix);
            JobMix mix = f.mix == null ? null : JobMix.of(catalog, f.mix, f.project.effectiveMix(f.mix, null, null).root());
            if (mix != null) mix.mix();  // bad settings fail here, before Spark starts
            if (f.archetype != null && !catalog.archetypes().containsKey(f.archetype)) {
                throw new BadInputException("--archetype " + f.archetype + " is not defined; known: " + String.join(", ", catalog.archetypes().keySet()));
            }
            var params = new FilterJob.Params(f.in, f.out, catalog, mix, f.archetype, !f.noEmbeddings, !f.noJudge, f.badLines.policy, f.overwrite);
            job = () -> {
                try {
                    FilterJob.Result r = FilterJob.run(sc.get(), params, m -> { err.println(m); err.flush(); });
                    out.print(r.summary());
                    out.println("wrote " + f.out.resolve("kept.jsonl") + "/ and " + f.out.resolve("rejected.jsonl") + "/ (part files) and filter-report.json");
                    out.flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
        } else {
            GenerateCommand g = (GenerateCommand) cmd;
            MixOptions mo = g.mixOptions;
            Catalog catalog = catalog(mo.project.project, mo.file);
            LocatedYaml y = mo.effective();
            Mix mix = mo.load(catalog, y);
            Path dir = g.out != null ? g.out : Path.of("output").resolve(mix.name());
            var params = new GenerateJob.Params(JobMix.of(catalog, mo.file, y.root()), dir, g.overwrite, 0, Main.version());
            job = () -> {
                JsonNode m = GenerateJob.run(sc.get(), params, m2 -> { err.println(m2); err.flush(); });
                JsonNode totals = m.path("counts").path("totals");
                out.printf("%s %d documents (%,d words, %,d tokens) in %d partitions%n",
                        "complete".equals(m.path("status").asText()) ? "Wrote" : "Stopped after", totals.path("docs").asLong(),
                        totals.path("words").asLong(), totals.path("tokens").asLong(), m.path("engine").path("partitions").asInt());
                out.printf("Rejected %d%n", totals.path("rejected").asLong());
                out.println("Corpus: " + dir.resolve("data") + "/ (part files; manifest.json, README.md, rejected.jsonl/ beside it)");
                out.flush();
            };
        }
        try {
            job.run();
        } finally {
            if (session[0] != null) session[0].close();
        }
        return ExitCodes.OK;
    }

    /** The project: --project, else the one holding the mix, else the working directory's, else the one the job jar carries. */
    private static Catalog catalog(ProjectOption project, Path near) {
        try {
            return Catalog.load(project.root(near));
        } catch (ConfigException e) {
            Catalog packed = project.dir == null ? Catalog.fromClasspath(SparkCli.class.getClassLoader()) : null;
            if (packed == null) throw e;
            return packed;
        }
    }

    /** Spark wraps what a task threw; the user sees the cause (a bad line, a bad setting), not the wrapper. */
    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof SparkException || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.io.UncheckedIOException && t.getCause() != null) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}

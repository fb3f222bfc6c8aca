package dev.exemplar.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;

/** The {@code exemplar} command line: subcommands, exit codes and error reporting. */
@Command(name = "exemplar",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Writes synthetic training data in which AI systems are good role models.",
        subcommands = {
                GenerateCommand.class,
                PlanCommand.class,
                ValidateCommand.class,
                ArchetypesCommand.class,
                PeekCommand.class,
                DedupCommand.class,
                AuditCommand.class,
                ReviewCommand.class,
                FilterCommand.class,
                EvalFiltersCommand.class,
                ExportCommand.class,
                BlendCommand.class,
                EvalSetCommand.class,
                CommandLine.HelpCommand.class,
        },
        footer = {"", "Exit codes: 0 success, 1 runtime failure, 2 bad usage or bad input.",
                "Run 'exemplar COMMAND --help' for a command's options and examples."})
public final class Main implements Runnable {

    public static void main(String[] args) {
        // A failure on a background thread is reported in a line, like any other, never as a stack trace.
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> System.err.println("error: " + Errors.describe(e)));
        int code = run(args);
        // The llama.cpp binding leaves a non-daemon native thread; exit explicitly so the CLI returns.
        System.exit(code);
    }

    /** Runs the CLI without exiting the JVM; returns the exit code (used by tests). */
    public static int run(String... args) {
        PrintStream out = System.out, err = System.err;
        // Everything printed passes through ConsoleText: control characters escaped, keys redacted.
        System.setOut(ConsoleText.wrap(out));
        System.setErr(ConsoleText.wrap(err));
        try {
            CommandLine cl = new CommandLine(new Main());
            cl.setUsageHelpWidth(110);
            cl.setExecutionExceptionHandler(new Errors());
            cl.setParameterExceptionHandler(Errors::usage);
            try {
                return cl.execute(args);
            } catch (Error e) {
                return Errors.fatal(e, cl.getErr());
            }
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"exemplar " + version()};
        }
    }

    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }
}

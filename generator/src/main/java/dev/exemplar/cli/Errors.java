package dev.exemplar.cli;

import dev.exemplar.corpus.CorpusIOException;
import dev.exemplar.corpus.RunInUseException;
import dev.exemplar.doc.BadInputException;
import dev.exemplar.doc.IoMessages;
import dev.exemplar.spec.ConfigException;
import dev.exemplar.spec.ConfigProblem;
import dev.exemplar.text.Counts;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Maps failures to short messages and exit codes: bad config or input → 2 with every problem
 * listed; I/O and other runtime failures → 1. Stack traces only with EXEMPLAR_DEBUG=1.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parse) {
        PrintWriter err = cl.getErr();
        if (ex instanceof ConfigException ce) {
            for (ConfigProblem p : ce.problems()) err.println("error: " + p);
            err.println(Counts.of(ce.problems().size(), "problem") + "; nothing was written.");
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof BadInputException) {
            err.println("error: " + ex.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof RunInUseException) {
            err.println("error: " + ex.getMessage());
            return ExitCodes.FAILURE;
        }
        if (ex instanceof CorpusIOException) {
            err.println("error: " + ex.getMessage() + " (everything committed before this point is intact)");
            return ExitCodes.FAILURE;
        }
        err.println("error: " + describe(ex));
        if (System.getenv("EXEMPLAR_DEBUG") != null) ex.printStackTrace(err);
        else err.println("(set EXEMPLAR_DEBUG=1 for details)");
        return ExitCodes.FAILURE;
    }

    /** A failure in one line: its message, with the reason of a file error in words ("permission denied"). */
    static String describe(Throwable ex) {
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        IOException io = IoMessages.ioCause(ex);
        if (io != null) {
            String reason = IoMessages.describe(io);
            if (!msg.toLowerCase(java.util.Locale.ROOT).contains(reason.toLowerCase(java.util.Locale.ROOT))) msg += " (" + reason + ")";
        }
        return msg;
    }

    /** A JVM error (out of memory, stack overflow) as a line and exit code 1, never a stack trace. */
    static int fatal(Error e, PrintWriter err) {
        String what = e instanceof OutOfMemoryError ? "out of memory (" + describe(e) + "); give the JVM more with "
                + "EXEMPLAR_JAVA_OPTS=-Xmx4g or make the job smaller"
                : e instanceof StackOverflowError ? "the input is nested too deeply to process (stack overflow)"
                : "internal error: " + describe(e);
        err.println("error: " + what);
        if (System.getenv("EXEMPLAR_DEBUG") != null) e.printStackTrace(err);
        err.flush();
        return ExitCodes.FAILURE;
    }

    static int usage(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("error: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        return ExitCodes.BAD_INPUT;
    }
}

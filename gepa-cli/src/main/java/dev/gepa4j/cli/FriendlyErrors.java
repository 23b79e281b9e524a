package dev.gepa4j.cli;

import dev.gepa4j.core.error.GepaException;
import picocli.CommandLine;

/**
 * The one place where a command's failure becomes output and an exit code. A {@link GepaException} (every failure
 * gepa4j expects: configuration, containers, the workspace, the proposer, a port in use...) prints its message as one
 * line on stderr and ends with its own {@link GepaException#exitCode()}. An {@link IllegalArgumentException} is a
 * value a constructor refused (a record validating user input), so it is bad usage (exit 2). Anything else keeps its
 * stack trace: that is a bug. What is printed has known secret values removed ({@link KnownSecrets}).
 */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (e instanceof GepaException expected) {
            cmd.getErr().println("gepa: " + KnownSecrets.scrub(expected.getMessage()));
            return expected.exitCode();
        }
        if (e instanceof IllegalArgumentException refused) {
            cmd.getErr().println("gepa: " + KnownSecrets.scrub(refused.getMessage()));
            return GepaException.USAGE;
        }
        cmd.getErr().println("gepa: unexpected error (a bug; please report it with this trace):");
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        cmd.getErr().print(KnownSecrets.scrub(trace.toString()));
        return GepaException.FAILED;
    }
}

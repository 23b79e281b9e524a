package dev.gepa4j.cli;

import dev.gepa4j.cli.config.ConfigException;
import picocli.CommandLine;

/**
 * Turns the exceptions a user can cause (bad config, unreachable or non-conformant container, a workspace problem)
 * into one clear line on stderr instead of a stack trace. Anything else keeps its stack trace: that is a bug. What
 * is printed has known secret values removed ({@link KnownSecrets}).
 */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
            cmd.getErr().println("gepa: " + KnownSecrets.scrub(e.getMessage()));
            return 2;
        }
        if (e instanceof dev.gepa4j.core.container.ContainerException
                || e instanceof dev.gepa4j.core.workspace.WorkspaceException
                || e instanceof dev.gepa4j.core.rollout.CacheMissException
                || e instanceof dev.gepa4j.core.propose.ProposerUnavailableException
                || e instanceof dev.gepa4j.core.engine.LoopFailedException
                || e instanceof UserFacingException) {
            cmd.getErr().println("gepa: " + KnownSecrets.scrub(e.getMessage()));
            return 1;
        }
        cmd.getErr().println("gepa: unexpected error (a bug; please report it with this trace):");
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        cmd.getErr().print(KnownSecrets.scrub(trace.toString()));
        return 1;
    }
}

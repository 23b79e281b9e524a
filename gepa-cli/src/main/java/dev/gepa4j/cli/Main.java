package dev.gepa4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./gepa}. Exit codes: 0 success, 1 the command's own failure, 2 bad usage or config. */
@Command(name = "gepa", mixinStandardHelpOptions = true, version = "gepa4j 0.1.0",
        description = "GEPA prompt and program evolution for the JVM.",
        subcommands = {DemoCommand.class, RunCommand.class, ResumeCommand.class, ServeCommand.class,
                CheckCommand.class, ConsoleCommand.class, RunsCommand.class, ShowCommand.class, BenchCommand.class, TestDoubleCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        // DJL (under the embedding model) must not try to reach the network; set before any of its classes load.
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new FriendlyErrors());
        return cl;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}

package dev.gepa4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Entry point of {@code ./gepa}. Exit codes: 0 success, 1 the command's own failure, 2 bad usage or config (see
 * {@link dev.gepa4j.core.error.GepaException}); every failure is turned into output in {@link FriendlyErrors}.
 */
@Command(name = "gepa", mixinStandardHelpOptions = true, versionProvider = GepaVersion.class,
        description = "GEPA prompt and program evolution for the JVM.",
        subcommands = {DemoCommand.class, RunCommand.class, ResumeCommand.class, ServeCommand.class,
                CheckCommand.class, ImportConfigCommand.class, ConsoleCommand.class, RunsCommand.class,
                ShowCommand.class, BenchCommand.class, TestDoubleCommand.class,
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
        addHelpOption(cl);
        cl.setExecutionExceptionHandler(new FriendlyErrors());
        return cl;
    }

    /** Gives every subcommand, at any depth, {@code -h}/{@code --help} unless it declares its own. */
    private static void addHelpOption(CommandLine command) {
        for (CommandLine sub : command.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            boolean hasHelp = spec.options().stream().anyMatch(o -> o.usageHelp());
            if (!hasHelp && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                spec.addMixin("help", CommandSpec.forAnnotatedObject(new HelpOption()));
            }
            addHelpOption(sub);
        }
    }

    /** The {@code --help} option every subcommand gets. */
    static final class HelpOption {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}

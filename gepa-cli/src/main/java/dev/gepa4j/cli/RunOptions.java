package dev.gepa4j.cli;

import picocli.CommandLine.Option;

/** Options shared by {@code run}, {@code demo} and {@code resume}. */
public final class RunOptions {
    @Option(names = "--no-console", description = "do not start the run console")
    boolean noConsole;

    @Option(names = "--console-port", description = "port of the run console (default: a free one)")
    int consolePort;

    @Option(names = "--evidence-dir", description = "where evidence packets go (default: the workspace folder)")
    java.nio.file.Path evidenceDir;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    /** Benchmark aid set by {@code demo --proposer-delay-ms}: extra time per proposer call; 0 for none. */
    long proposerDelayMs;

    /**
     * How a refused budget is named and what else the user can change, as the command's user sees them:
     * {@code demo} gives the budget as {@code --budget} and has fixed splits.
     */
    String budgetSetting = "[gepa] max_rollouts";
    String budgetAdvice = " (lower heldout_top_k or [dataset] heldout_size)";
}

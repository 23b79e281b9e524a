package dev.gepa4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gepa resume RUN_ID --workspace DIR}: continues a run that crashed or was stopped, rebuilt from the resolved
 * run spec it stored when it started (see {@link StoredRunSpec}; the config file is not needed). Every rollout and
 * proposal the run already made is answered from the workspace, so finished rollouts are never repeated and a serial
 * run continues exactly where it was.
 */
@Command(name = "resume", description = "Continue a run after a crash or stop; finished rollouts are never repeated.")
public final class ResumeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_ID")
    String runId;

    @Option(names = "--workspace", required = true, paramLabel = "DIR|URL",
            description = "the workspace holding the run: a folder, or a postgresql://user@host:port/db URL")
    String workspace;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() throws Exception {
        return RunAssembly.resume(runId, workspace, options);
    }
}

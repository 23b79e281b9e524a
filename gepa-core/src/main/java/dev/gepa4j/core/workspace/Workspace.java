package dev.gepa4j.core.workspace;

/**
 * A workspace folder holding any number of runs.
 *
 * <p>Thread-safe. Several processes may read a workspace while one writes it.
 */
public interface Workspace extends AutoCloseable {

    /** Creates a run; throws {@link WorkspaceException} if the run id is taken. */
    RunRecorder startRun(RunSpec spec);

    /** Reopens an existing run to continue it; throws {@link WorkspaceException} naming the known runs if absent. */
    RunRecorder resumeRun(String runId);

    /** A read-only view; it sees writes once they are committed. */
    WorkspaceReader reader();

    @Override
    void close();
}

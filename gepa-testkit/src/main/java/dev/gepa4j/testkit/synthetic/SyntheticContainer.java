package dev.gepa4j.testkit.synthetic;

import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;

/**
 * A {@link SyntheticTask} served over HTTP by the container SDK on 127.0.0.1 and an ephemeral port. Closing stops
 * the server; the task and its tally stay readable.
 */
public final class SyntheticContainer implements AutoCloseable {
    private final SyntheticTask task;
    private final ContainerServer server;

    private SyntheticContainer(SyntheticTask task, ContainerServer server) {
        this.task = task;
        this.server = server;
    }

    /** Starts serving a fresh task with the given options. */
    public static SyntheticContainer start(SyntheticOptions options) {
        SyntheticTask task = new SyntheticTask(options);
        return new SyntheticContainer(task, ContainerServer.start(task, ServerOptions.defaults()));
    }

    /** Base URL, e.g. {@code http://127.0.0.1:40123}. */
    public String url() {
        return server.url();
    }

    public SyntheticTask task() {
        return task;
    }

    /** The container-side rollout counts. */
    public RolloutTally tally() {
        return task.tally();
    }

    @Override
    public void close() {
        server.close();
    }
}

package dev.gepa4j.testkit.synthetic;

import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import java.util.Map;

/**
 * A {@link SyntheticTask} served over HTTP by the container SDK on 127.0.0.1 and an ephemeral port, optionally
 * behind a {@link CountingProxy} that counts rollout requests per id before the SDK's memory of answered ids can
 * hide a repeat. Closing stops the server (and the proxy); the task, its tally and the counts stay readable.
 */
public final class SyntheticContainer implements AutoCloseable {
    private final SyntheticTask task;
    private final ContainerServer server;
    private final CountingProxy proxy;

    private SyntheticContainer(SyntheticTask task, ContainerServer server, CountingProxy proxy) {
        this.task = task;
        this.server = server;
        this.proxy = proxy;
    }

    /** Starts serving a fresh task with the given options, reached directly. */
    public static SyntheticContainer start(SyntheticOptions options) {
        SyntheticTask task = new SyntheticTask(options);
        return new SyntheticContainer(task, ContainerServer.start(task, ServerOptions.defaults()), null);
    }

    /**
     * Starts serving a fresh task reached through a {@link CountingProxy}, so {@link #requestsById()} counts every
     * rollout request a client sends (one more loopback hop per request).
     */
    public static SyntheticContainer startCounted(SyntheticOptions options) {
        SyntheticTask task = new SyntheticTask(options);
        ContainerServer server = ContainerServer.start(task, ServerOptions.defaults());
        return new SyntheticContainer(task, server, CountingProxy.start(server.url()));
    }

    /** Base URL clients use, e.g. {@code http://127.0.0.1:40123} (the proxy's when counted). */
    public String url() {
        return proxy == null ? server.url() : proxy.url();
    }

    /**
     * Rollout requests per rollout id as they arrived, repeats included, sorted by id.
     *
     * @throws IllegalStateException when the container was not started with {@link #startCounted}
     */
    public Map<String, Integer> requestsById() {
        if (proxy == null) {
            throw new IllegalStateException("requests are counted only for a container started with startCounted");
        }
        return proxy.requestsById();
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
        if (proxy != null) {
            proxy.close();
        }
        server.close();
    }
}

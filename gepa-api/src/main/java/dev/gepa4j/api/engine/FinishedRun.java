package dev.gepa4j.api.engine;

import dev.gepa4j.core.engine.LoopResult;
import dev.gepa4j.core.workspace.WorkspaceReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A run whose loop has ended and whose evidence packet is written, with its workspace (and console, when one was
 * started) still open for the caller to read and show. Closing it closes them and lets a signal's shutdown, which
 * waits for the caller's last words, go on.
 */
public final class FinishedRun implements AutoCloseable {
    private final LoopResult result;
    private final Path packetDir;
    private final WorkspaceReader reader;
    private final String consoleUrl;
    private final boolean signalled;
    private final Instant started;
    private final CountDownLatch finished;
    private final List<AutoCloseable> resources;

    FinishedRun(LoopResult result, Path packetDir, WorkspaceReader reader, String consoleUrl, boolean signalled,
                Instant started, CountDownLatch finished, List<AutoCloseable> resources) {
        this.result = result;
        this.packetDir = packetDir;
        this.reader = reader;
        this.consoleUrl = consoleUrl;
        this.signalled = signalled;
        this.started = started;
        this.finished = finished;
        this.resources = List.copyOf(resources);
    }

    /** What the loop found. */
    public LoopResult result() {
        return result;
    }

    /** The evidence packet's folder ({@code packet.json}, {@code best/}, {@code report.html}). */
    public Path packetDir() {
        return packetDir;
    }

    /** The workspace, readable until {@link #close()}. */
    public WorkspaceReader reader() {
        return reader;
    }

    /** The run console's URL, or null when none was started. */
    public String consoleUrl() {
        return consoleUrl;
    }

    /** Whether SIGINT/SIGTERM stopped the run (the JVM is then going down). */
    public boolean signalled() {
        return signalled;
    }

    /** When the engine began the run. */
    public Instant started() {
        return started;
    }

    /** Closes the console and the workspace, in that order; never throws. */
    @Override
    public void close() {
        finished.countDown();
        RunEngine.closeAll(resources);
    }
}

package dev.gepa4j.console;

import dev.gepa4j.core.error.ListenFailures;
import dev.gepa4j.core.workspace.WorkspaceException;
import dev.gepa4j.core.workspace.WorkspaceReader;
import dev.gepa4j.core.workspace.Workspace;
import dev.gepa4j.runtime.evidence.EvidenceJson;
import dev.gepa4j.runtime.workspace.Workspaces;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;

/**
 * The run console: serves the page, the JSON API and the live feed over a workspace (routes in
 * {@link ConsoleRoutes}). Binds to {@link #DEFAULT_HOST} unless given another host; port 0 picks a free port.
 * {@link #stop} is idempotent.
 */
public final class RunConsole implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** How often the live feed looks for new rows. */
    static final long POLL_MILLIS = 500;

    private final Javalin app;
    private final LiveFeed feed;
    private final String host;
    private final AutoCloseable ownedWorkspace;

    private RunConsole(Javalin app, LiveFeed feed, String host, AutoCloseable ownedWorkspace) {
        this.app = app;
        this.feed = feed;
        this.host = host;
        this.ownedWorkspace = ownedWorkspace;
    }

    /** A console over a reader someone else owns (e.g. the running loop's workspace). */
    public static RunConsole start(WorkspaceReader reader, String host, int port) {
        return start(reader, host, port, null);
    }

    /**
     * A console over the workspace in {@code folder}, opened here and closed by {@link #stop}.
     *
     * @throws WorkspaceException when the folder holds no workspace.sqlite (the message says what to pass)
     */
    public static RunConsole start(Path folder, String host, int port) {
        return start(folder.toString(), host, port);
    }

    /**
     * A console over the workspace at {@code address} (a folder, or a {@code postgresql://} URL whose runs may be
     * written by many processes at once: the console shows them all as they go), opened here, closed by {@link #stop}.
     *
     * @throws WorkspaceException when a folder holds no workspace.sqlite or the database cannot be opened
     */
    public static RunConsole start(String address, String host, int port) {
        Workspace workspace = Workspaces.openExisting(address, "--workspace");
        try {
            return start(workspace.reader(), host, port, workspace);
        } catch (RuntimeException e) {
            workspace.close();
            throw e;
        }
    }

    private static RunConsole start(WorkspaceReader reader, String host, int port, AutoCloseable owned) {
        String bindHost = host == null || host.isBlank() ? DEFAULT_HOST : host;
        ListenFailures.checkCanListen("the run console", bindHost, port);
        LiveFeed feed = new LiveFeed(reader, EvidenceJson.newMapper(), POLL_MILLIS);
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(EvidenceJson.newMapper(), false));
            cfg.staticFiles.enableWebjars();
            ConsoleRoutes.install(cfg, reader, feed);
        });
        try {
            app.start(bindHost, port);
        } catch (RuntimeException e) {
            feed.close();
            throw ListenFailures.describe("the run console", bindHost, port, e);
        }
        return new RunConsole(app, feed, bindHost, owned);
    }

    public int port() {
        return app.port();
    }

    /** {@code http://host:port/}, with IPv6 hosts in brackets. */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port() + "/";
    }

    public void stop() {
        feed.close();
        app.stop();
        if (ownedWorkspace != null) {
            try {
                ownedWorkspace.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the console's workspace", e);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}

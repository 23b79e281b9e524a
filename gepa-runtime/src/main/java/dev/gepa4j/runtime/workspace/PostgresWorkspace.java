package dev.gepa4j.runtime.workspace;

import dev.gepa4j.core.secret.Secrets;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.RunSpec;
import dev.gepa4j.core.workspace.Workspace;
import dev.gepa4j.core.workspace.WorkspaceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A workspace in a PostgreSQL database (15 or newer), shared by any number of optimizer processes on any number of
 * machines: the same tables, migrations and queries as the sqlite workspace, plus leases on cache keys so that no
 * rollout is executed by two processes ({@link PostgresLeases}).
 *
 * <p>Durability: like sqlite, every write has committed when its method returns (the same group-commit writer, on a
 * connection of its own), so a rollout counts only once its row is committed, and a killed optimizer loses nothing
 * committed; like sqlite's WAL with synchronous=NORMAL, a crash of the server itself may lose the last commits unless
 * the URL says {@code synchronous_commit=on} (see {@link PostgresConnections#take}). Opening applies missing migrations
 * under an advisory lock (two processes opening a new database migrate it once) and refuses a database a newer
 * gepa4j wrote. The password comes from the environment (see {@link PostgresUrl}) and is scrubbed from everything
 * written, like every other secret.
 */
public final class PostgresWorkspace implements Workspace {
    private final PostgresUrl url;
    private final PostgresConnections connections;
    private final GroupCommitWriter writer;
    private final JdbcWorkspaceReader reader;
    private final PostgresLeases leases;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PostgresWorkspace(PostgresUrl url, PostgresConnections connections, GroupCommitWriter writer) {
        this.url = url;
        this.connections = connections;
        this.writer = writer;
        this.reader = new JdbcWorkspaceReader(connections);
        this.leases = new PostgresLeases(connections, owner(), url.lease());
    }

    /**
     * Opens the workspace at {@code url}, creating its tables if the database has none.
     *
     * @param environment where the password variable is read ({@code System.getenv()} in production)
     * @param secrets     values scrubbed from every text written; the password is added to them
     * @throws WorkspaceException saying what to check when the server cannot be reached, the password is refused, the
     *                            database does not exist or a newer gepa4j wrote it
     */
    public static PostgresWorkspace open(PostgresUrl url, Map<String, String> environment, Secrets secrets) {
        return open(url, environment, secrets, SchemaMigrations.latest());
    }

    /** As {@link #open(PostgresUrl, Map, Secrets)}, migrating only up to {@code version} (tests build old schemas). */
    static PostgresWorkspace open(PostgresUrl url, Map<String, String> environment, Secrets secrets, int version) {
        Secrets scrubbed = secrets.and(Secrets.of(url.password(environment)
                .map(pw -> Map.of(url.passwordEnv(), pw)).orElse(Map.of())));
        PostgresConnections connections = new PostgresConnections(url, environment);
        try {
            Connection writerConnection = connections.take();
            try {
                SchemaMigrations.apply(writerConnection, url.toString(), SqlDialect.POSTGRESQL, version);
            } catch (SQLException e) {
                writerConnection.close();
                throw new WorkspaceException("cannot open " + url + " as a gepa4j workspace (" + e.getMessage()
                        + "): is it a database gepa4j wrote, or an empty one?", e);
            }
            return new PostgresWorkspace(url, connections,
                    new GroupCommitWriter(url.toString(), SqlDialect.POSTGRESQL, writerConnection, () -> { },
                            scrubbed));
        } catch (SQLException | RuntimeException e) {
            connections.close();
            if (e instanceof WorkspaceException we) {
                throw we;
            }
            throw new WorkspaceException("cannot open " + url + ": " + e.getMessage(), e);
        }
    }

    /** The address, as printed and stored (never with a password). */
    public PostgresUrl url() {
        return url;
    }

    @Override
    public RunRecorder startRun(RunSpec spec) {
        RunStarts.start(writer, reader, spec, url.toString());
        return new JdbcRunRecorder(spec.runId(), writer, reader, KnownKeys.LOOK_UP_ALL, leases);
    }

    @Override
    public RunRecorder resumeRun(String runId) {
        RunStarts.resume(writer, reader, runId, url.toString());
        return new JdbcRunRecorder(runId, writer, reader, KnownKeys.LOOK_UP_ALL, leases);
    }

    @Override
    public JdbcWorkspaceReader reader() {
        return reader;
    }

    /** The ids of async rollouts submitted and not yet known to be finished (see {@link AsyncSubmissionTable}). */
    public AsyncSubmissionTable asyncSubmissions() {
        return new AsyncSubmissionTable(writer);
    }

    /** Leases this process took over after their owner's expired (for tests and benchmarks). */
    public long leaseTakeovers() {
        return leases.takeovers();
    }

    /** Lookups that waited for another process's lease (for tests and benchmarks). */
    public long leaseWaits() {
        return leases.waits();
    }

    /** The schema version the database is at. */
    public int schemaVersion() {
        return reader.read(session -> {
            try (var s = session.connection().createStatement()) {
                return SchemaMigrations.current(s);
            }
        });
    }

    /** Commits queued writes, gives back this process's leases and closes the pool. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        writer.close();
        leases.close();
        connections.close();
    }

    /** This process among the workspace's users: host, pid and a random part (one process may open it twice). */
    private static String owner() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}

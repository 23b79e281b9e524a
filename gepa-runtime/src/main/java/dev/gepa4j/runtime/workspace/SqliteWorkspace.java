package dev.gepa4j.runtime.workspace;

import dev.gepa4j.core.secret.Secrets;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.RunSpec;
import dev.gepa4j.core.workspace.Workspace;
import dev.gepa4j.core.workspace.WorkspaceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sqlite.SQLiteConfig;

/**
 * A workspace folder with one {@code workspace.sqlite} (WAL, synchronous=NORMAL, busy timeout 10 s), holding any
 * number of runs. Opening creates the folder and the file if needed and applies missing migrations.
 *
 * <p>Durability: every write has committed when its method returns; WAL with synchronous=NORMAL keeps committed
 * transactions through a killed process (not through a power cut, which may lose the last commits but never
 * corrupts the file). Several processes may read while one writes. {@link #close} commits queued writes,
 * checkpoints the WAL into the main file and is safe to call twice and from any thread.
 */
public final class SqliteWorkspace implements Workspace {
    /** The file name inside the workspace folder. */
    public static final String FILE_NAME = "workspace.sqlite";

    private final Path file;
    private final GroupCommitWriter writer;
    private final ReadConnections reads;
    private final JdbcWorkspaceReader reader;
    private final CacheKeyIndex cacheKeys;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SqliteWorkspace(Path file, GroupCommitWriter writer, ReadConnections reads, CacheKeyIndex cacheKeys) {
        this.file = file;
        this.writer = writer;
        this.reads = reads;
        this.cacheKeys = cacheKeys;
        this.reader = new JdbcWorkspaceReader(reads);
    }

    /**
     * Opens (creating if needed) the workspace in {@code folder}, scrubbing the values of the secrets in this
     * process's environment ({@link Secrets#fromEnvironment}) from everything written.
     *
     * @throws WorkspaceException naming the path when the folder cannot be created, the file is not a sqlite
     *                            database, or it was written by a newer gepa4j
     */
    public static SqliteWorkspace open(Path folder) {
        return open(folder, Secrets.fromEnvironment(System.getenv(), List.of()));
    }

    /**
     * Opens (creating if needed) the workspace in {@code folder}; every text written to it has the values of
     * {@code secrets} removed.
     *
     * @throws WorkspaceException as {@link #open(Path)}
     */
    public static SqliteWorkspace open(Path folder, Secrets secrets) {
        Path file = folder.resolve(FILE_NAME).toAbsolutePath();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new WorkspaceException("cannot create the workspace folder " + folder.toAbsolutePath() + ": "
                    + e.getMessage() + "; choose a writable folder with --workspace", e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            SchemaMigrations.apply(connection, file.toString());
            try (var pragma = connection.createStatement()) {
                // checkpoints run inside a commit and fsync; at the default 1000 pages they would stall the
                // writer every few thousand rollouts. Close() checkpoints fully.
                pragma.execute("PRAGMA wal_autocheckpoint = 8192");
            }
        } catch (SQLException e) {
            throw new WorkspaceException("cannot open " + file + " as a gepa4j workspace (" + e.getMessage()
                    + "): is it a sqlite file written by gepa4j? Move it away or choose another folder", e);
        }
        CacheKeyIndex cacheKeys = new CacheKeyIndex(file.toString());
        return new SqliteWorkspace(file,
                new GroupCommitWriter(file.toString(), connection, cacheKeys::ownCommitDone, secrets),
                new ReadConnections(file.toString()), cacheKeys);
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    @Override
    public RunRecorder startRun(RunSpec spec) {
        RunStarts.start(writer, reader, spec, file.toString());
        return new JdbcRunRecorder(spec.runId(), writer, reader, cacheKeys, RolloutLeases.NONE);
    }

    @Override
    public RunRecorder resumeRun(String runId) {
        RunStarts.resume(writer, reader, runId, file.toString());
        return new JdbcRunRecorder(runId, writer, reader, cacheKeys, RolloutLeases.NONE);
    }

    /** The outcome of {@code PRAGMA integrity_check}: "ok" for a sound file (sqlite only). */
    public String integrityCheck() {
        return reader.read(session -> {
            try (var s = session.connection().createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                StringBuilder out = new StringBuilder();
                while (rs.next()) {
                    out.append(out.isEmpty() ? "" : "\n").append(rs.getString(1));
                }
                return out.toString();
            }
        });
    }

    /** The ids of async rollouts submitted and not yet known to be finished (see {@link AsyncSubmissionTable}). */
    public AsyncSubmissionTable asyncSubmissions() {
        return new AsyncSubmissionTable(writer);
    }

    /** The workspace's cache-key index (tests of this package only). */
    CacheKeyIndex cacheKeysForTests() {
        return cacheKeys;
    }

    @Override
    public JdbcWorkspaceReader reader() {
        return reader;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        writer.close();
        reads.close();
        cacheKeys.close();
    }
}

package dev.gepa4j.runtime.workspace;

import dev.gepa4j.core.workspace.WorkspaceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sqlite.SQLiteConfig;

/**
 * A small pool of read-only connections. In WAL mode they read the last committed state without waiting for the
 * writer, so the console and the rollout cache never block a run. Thread-safe.
 */
final class ReadConnections implements ReadPool {
    /** Enough for the queue's lookups on a small machine; more connections only add memory. */
    private static final int SIZE = 4;

    @FunctionalInterface
    interface Query<T> {
        T apply(Session session) throws SQLException;
    }

    /**
     * One borrowed connection with its prepared statements, kept for the connection's life: preparing costs more
     * than running the small indexed queries the cache makes per rollout.
     */
    static final class Session {
        private final Connection connection;
        private final java.util.Map<String, PreparedStatement> prepared = new java.util.HashMap<>();

        Session(Connection connection) {
            this.connection = connection;
        }

        Connection connection() {
            return connection;
        }

        PreparedStatement prepared(String sql) throws SQLException {
            PreparedStatement ps = prepared.get(sql);
            if (ps == null) {
                ps = connection.prepareStatement(sql);
                prepared.put(sql, ps);
            }
            return ps;
        }

        void close() {
            try {
                for (PreparedStatement ps : prepared.values()) {
                    ps.close();
                }
                connection.close();
            } catch (SQLException ignored) {
                // closing: nothing to save
            }
        }
    }

    private final String url;
    private final String file;
    private final ArrayBlockingQueue<Session> idle = new ArrayBlockingQueue<>(SIZE);
    private final List<Session> all = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    ReadConnections(String file) {
        this.file = file;
        this.url = "jdbc:sqlite:" + file;
    }

    @Override
    public <T> T read(Query<T> query) {
        if (closed.get()) {
            throw new WorkspaceException("workspace " + file + " is closed: reopen it to read");
        }
        Session c = borrow();
        try {
            return query.apply(c);
        } catch (SQLException e) {
            throw new WorkspaceException("reading " + file + " failed: " + e.getMessage(), e);
        } finally {
            idle.offer(c);
        }
    }

    private Session borrow() {
        Session c = idle.poll();
        if (c != null) {
            return c;
        }
        synchronized (all) {
            if (all.size() < SIZE) {
                Session fresh = new Session(open());
                all.add(fresh);
                return fresh;
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkspaceException("interrupted while waiting to read " + file, e);
        }
    }

    private Connection open() {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try {
            return DriverManager.getConnection(url, config.toProperties());
        } catch (SQLException e) {
            throw new WorkspaceException("cannot open " + file + " for reading: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (all) {
            all.forEach(Session::close);
        }
    }
}

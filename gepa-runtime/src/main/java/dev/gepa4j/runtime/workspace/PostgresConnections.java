package dev.gepa4j.runtime.workspace;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gepa4j.core.workspace.WorkspaceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * The PostgreSQL workspace's connections: one HikariCP pool of {@code pool_size} connections for reads and lease
 * statements (autocommit, each statement its own transaction), plus the writer's connection, borrowed once and held
 * for the workspace's life. Only the writer's commits may wait for the disk (see {@link #take}). The password is handed to the pool as a property, never inside a URL, so no log line of
 * the pool or the driver can show it.
 */
final class PostgresConnections implements ReadPool {
    private final PostgresUrl url;
    private final HikariDataSource pool;

    /**
     * Connects once directly first, so a wrong password, a missing database or a server that is down is reported at
     * once with the server's own reason (the pool would retry for its whole timeout and then report a timeout).
     *
     * @throws WorkspaceException saying what to check
     */
    PostgresConnections(PostgresUrl url, Map<String, String> environment) {
        this.url = url;
        try (Connection probe = DriverManager.getConnection(url.jdbcUrl(), url.connectionProperties(environment))) {
            probe.isValid(5);
        } catch (SQLException e) {
            throw new WorkspaceException("cannot connect to the PostgreSQL workspace " + url + ": " + e.getMessage()
                    + hint(e), e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        config.setDataSourceProperties(url.connectionProperties(environment));
        config.setMaximumPoolSize(url.poolSize() + 1); // + the writer's
        config.setMinimumIdle(1);
        config.setPoolName("gepa-workspace");
        config.setConnectionTimeout(30_000);
        config.setInitializationFailTimeout(-1); // fail below, with our message, instead of inside the constructor
        // the pool's own writes are leases: they need not wait for the disk (a server crash that loses one costs at
        // most a rollout executed twice); the writer's connection follows synchronous_commit, see take()
        config.setConnectionInitSql("SET synchronous_commit TO off");
        this.pool = new HikariDataSource(config);
    }

    /**
     * A connection for the caller to keep (the writer's). Its commits wait for the server to have them, which is all a
     * killed optimizer needs; with {@code synchronous_commit=on} in the URL they also wait for the server's disk
     * flush, so they survive a crash of the server too (otherwise it may lose its last fraction of a second of
     * commits: rollouts a resumed run executes again, never a corrupt workspace). It goes back to the pool when
     * closed.
     */
    Connection take() {
        Connection c = borrow();
        try (var s = c.createStatement()) {
            s.execute("SET synchronous_commit TO " + (url.durableCommits() ? "on" : "off"));
            return c;
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // reported below
            }
            throw new WorkspaceException("cannot connect to the PostgreSQL workspace " + url + ": " + e.getMessage()
                    + hint(e), e);
        }
    }

    /** A pooled connection as the pool set it up ({@code synchronous_commit} off), for one read or lease statement. */
    private Connection borrow() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new WorkspaceException("cannot connect to the PostgreSQL workspace " + url + ": " + e.getMessage()
                    + hint(e), e);
        }
    }

    @Override
    public <T> T read(ReadConnections.Query<T> query) {
        if (pool.isClosed()) {
            throw new WorkspaceException("workspace " + url + " is closed: reopen it to read");
        }
        ReadConnections.Session session = new ReadConnections.Session(borrow());
        try {
            return query.apply(session);
        } catch (SQLException e) {
            throw new WorkspaceException("reading the PostgreSQL workspace " + url + " failed: " + e.getMessage(), e);
        } finally {
            session.close(); // closes its statements, and returns the connection to the pool
        }
    }

    /** What to check when connecting failed: the server, the database, the password variable. */
    private String hint(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("28P01") || state.equals("28000")) {
            return "; check the role '" + url.user() + "' and its password in $" + url.passwordEnv();
        }
        if (state.equals("3D000")) {
            return "; create the database first (createdb " + url.database() + ")";
        }
        return "; is the server running at " + url.host() + ":" + url.port() + "?";
    }

    @Override
    public void close() {
        pool.close();
    }
}

package dev.gepa4j.runtime.workspace;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What differs between the workspace's two databases, and nothing else: where the migration scripts live, how the
 * writer opens and ends a transaction, how concurrent openers are kept from migrating at once, and what happens when
 * the writer closes. The tables, the queries and the migration numbers are shared.
 */
abstract sealed class SqlDialect {
    /** One {@code workspace.sqlite} file; transactions by SQL text on an autocommit connection. */
    static final SqlDialect SQLITE = new Sqlite();
    /** A PostgreSQL database; transactions through JDBC on a connection with autocommit off. */
    static final SqlDialect POSTGRESQL = new Postgresql();

    /**
     * The classpath folder of this dialect's own {@code V<n>__*.sql} scripts (same names and numbers in both); a
     * script missing there is the shared one in {@code db/migration/}.
     */
    abstract String migrationFolder();

    abstract void begin(Connection c, Statement s) throws SQLException;

    abstract void commit(Connection c, Statement s) throws SQLException;

    abstract void rollback(Connection c, Statement s) throws SQLException;

    /** Run first inside the migration transaction, so two processes opening a new workspace do not both migrate it. */
    abstract void lockForMigration(Statement s) throws SQLException;

    /** Run on the writer connection after its last commit. */
    abstract void beforeClose(Statement s) throws SQLException;

    private static final class Sqlite extends SqlDialect {
        @Override
        String migrationFolder() {
            return "/db/migration/";
        }

        @Override
        void begin(Connection c, Statement s) throws SQLException {
            s.execute("BEGIN IMMEDIATE"); // takes the write lock now, not at the first write
        }

        @Override
        void commit(Connection c, Statement s) throws SQLException {
            s.execute("COMMIT");
        }

        @Override
        void rollback(Connection c, Statement s) throws SQLException {
            s.execute("ROLLBACK");
        }

        @Override
        void lockForMigration(Statement s) {
            // BEGIN IMMEDIATE already holds the file's write lock
        }

        @Override
        void beforeClose(Statement s) throws SQLException {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    private static final class Postgresql extends SqlDialect {
        /** An arbitrary constant naming the workspace's migration lock among the database's advisory locks. */
        private static final long MIGRATION_LOCK = 0x6765706134L;

        @Override
        String migrationFolder() {
            return "/db/migration/postgresql/";
        }

        @Override
        void begin(Connection c, Statement s) throws SQLException {
            if (c.getAutoCommit()) {
                c.setAutoCommit(false);
            }
        }

        @Override
        void commit(Connection c, Statement s) throws SQLException {
            c.commit();
        }

        @Override
        void rollback(Connection c, Statement s) throws SQLException {
            c.rollback();
        }

        @Override
        void lockForMigration(Statement s) throws SQLException {
            s.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
        }

        @Override
        void beforeClose(Statement s) {
            // the server keeps its own log; nothing to fold back
        }
    }
}

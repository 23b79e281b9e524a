package dev.gepa4j.runtime.workspace;

/**
 * Where a workspace's reads (and, on PostgreSQL, its lease statements) get a connection: sqlite's read-only
 * connections ({@link ReadConnections}) or a PostgreSQL connection pool ({@link PostgresConnections}). Each query runs
 * on one borrowed connection that goes back to the pool when it returns. Thread-safe.
 */
interface ReadPool extends AutoCloseable {
    /** Runs {@code query} on a borrowed connection; throws {@link dev.gepa4j.core.workspace.WorkspaceException}. */
    <T> T read(ReadConnections.Query<T> query);

    @Override
    void close();
}

/**
 * The workspaces: {@link dev.gepa4j.runtime.workspace.SqliteWorkspace} (one {@code workspace.sqlite} per folder, WAL,
 * one writing process) and {@link dev.gepa4j.runtime.workspace.PostgresWorkspace} (a PostgreSQL database shared by
 * many processes, with leases on cache keys), chosen by {@link dev.gepa4j.runtime.workspace.Workspaces} from the
 * address the user gives. Both share the tables, the numbered migrations ({@code db/migration/V<n>__*.sql}, one copy
 * per database), the run recorder (the rollout journal and cache) and the reader; what differs between the two
 * databases is isolated in {@code SqlDialect}, the connection pools and the cache-key helpers.
 *
 * <p>All writes of a process go through one writer thread ({@link dev.gepa4j.runtime.workspace.GroupCommitWriter}) that
 * commits whatever has queued up as one transaction (group commit) and only then returns to each caller, so every
 * write is durable when its method returns and thousands of rollouts per second cost few commits. Reads use their
 * own connections and never wait for the writer (WAL in sqlite, MVCC in PostgreSQL).
 *
 * <p>May import: {@code dev.gepa4j.core.*}, JDBC (sqlite-jdbc, pgjdbc), HikariCP, Jackson, java-diff-utils, and the one
 * interface {@code dev.gepa4j.runtime.container.SubmittedRollouts} (the async submission store it implements).
 */
package dev.gepa4j.runtime.workspace;

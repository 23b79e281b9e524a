/**
 * The sqlite workspace: {@link dev.gepa4j.runtime.workspace.SqliteWorkspace} (one {@code workspace.sqlite} per
 * folder, WAL, numbered migrations from {@code db/migration/V<n>__*.sql}), its run recorder (the rollout journal and
 * cache) and its read-only reader.
 *
 * <p>All writes of a process go through one writer thread ({@link dev.gepa4j.runtime.workspace.SqliteWriter}) that
 * commits whatever has queued up as one transaction (group commit) and only then returns to each caller, so every
 * write is durable when its method returns and thousands of rollouts per second cost few commits. Reads use their
 * own read-only connections and never wait for the writer (WAL).
 *
 * <p>May import: {@code dev.gepa4j.core.*}, JDBC (sqlite-jdbc), Jackson, java-diff-utils, and the one interface
 * {@code dev.gepa4j.runtime.container.SubmittedRollouts} (the async submission store it implements).
 */
package dev.gepa4j.runtime.workspace;

package dev.gepa4j.runtime.workspace;

import dev.gepa4j.core.secret.Secrets;
import dev.gepa4j.core.workspace.WorkspaceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The one thread that writes a workspace. Callers hand it a unit of work and block until the transaction holding
 * it has committed. The thread takes everything queued so far (up to {@value #MAX_GROUP} units) and commits it as
 * one transaction; if any unit fails, the group is rolled back and replayed one unit per transaction, so one bad
 * write fails only its own caller. A platform thread, because sqlite-jdbc's native calls would pin a virtual
 * thread's carrier anyway.
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final int MAX_GROUP = 2048;
    /** Groups smaller than this wait up to {@link #LINGER_MICROS} for company before committing. */
    private static final int LINGER_BELOW = 16;
    private static final long LINGER_MICROS = 500;

    /** A unit of work inside the writer's transaction. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Statements statements) throws SQLException;
    }

    /** Prepared statements of the writer connection, prepared once per SQL text. */
    static final class Statements {
        private final Connection connection;
        private final Secrets secrets;
        private final Map<String, PreparedStatement> prepared = new HashMap<>();

        Statements(Connection connection, Secrets secrets) {
            this.connection = connection;
            this.secrets = secrets;
        }

        PreparedStatement of(String sql) throws SQLException {
            PreparedStatement ps = prepared.get(sql);
            if (ps == null) {
                ps = ScrubbingStatements.wrap(connection.prepareStatement(sql), secrets);
                prepared.put(sql, ps);
            }
            return ps;
        }

        void closeAll() {
            for (PreparedStatement ps : prepared.values()) {
                try {
                    ps.close();
                } catch (SQLException ignored) {
                    // closing: nothing left to save
                }
            }
        }
    }

    private record Pending<T>(Work<T> work, CompletableFuture<T> done) {
    }

    private static final Pending<Void> STOP = new Pending<>(s -> null, new CompletableFuture<>());

    private final String file;
    private final SqlDialect dialect;
    private final Connection connection;
    private final Statements statements;
    private final LinkedBlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Runnable afterCommit;
    private volatile boolean closed;

    /**
     * @param afterCommit run on the writer thread right after each commit, before any caller is released; what it
     *                    throws is ignored (the commit stands)
     * @param secrets     values scrubbed from every text written (see {@link ScrubbingStatements})
     */
    GroupCommitWriter(String file, Connection connection, Runnable afterCommit, Secrets secrets) {
        this(file, SqlDialect.SQLITE, connection, afterCommit, secrets);
    }

    /** A writer over a connection of {@code dialect}; {@code file} names the workspace in messages. */
    GroupCommitWriter(String file, SqlDialect dialect, Connection connection, Runnable afterCommit, Secrets secrets) {
        this.file = file;
        this.dialect = dialect;
        this.connection = connection;
        this.afterCommit = afterCommit;
        this.statements = new Statements(connection, secrets);
        this.thread = Thread.ofPlatform().daemon().name("gepa-workspace-writer").start(this::loop);
    }

    /** Runs the work in a committed transaction and returns its value; throws {@link WorkspaceException}. */
    <T> T write(Work<T> work) {
        if (closed) {
            throw new WorkspaceException("workspace " + file + " is closed: no more writes are accepted");
        }
        CompletableFuture<T> done = new CompletableFuture<>();
        queue.add(new Pending<>(work, done));
        try {
            return done.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WorkspaceException we) {
                throw we;
            }
            throw new WorkspaceException("writing to " + file + " failed: " + cause.getMessage(), cause);
        }
    }

    private void loop() {
        List<Pending<?>> group = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            group.clear();
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                stopping = true;
            }
            queue.drainTo(group, MAX_GROUP - group.size());
            if (group.size() < LINGER_BELOW && !group.contains(STOP)) {
                // a short wait lets rollouts finishing together share one commit; cheap next to any rollout
                try {
                    Pending<?> more = queue.poll(LINGER_MICROS, java.util.concurrent.TimeUnit.MICROSECONDS);
                    if (more != null) {
                        group.add(more);
                        queue.drainTo(group, MAX_GROUP - group.size());
                    }
                } catch (InterruptedException e) {
                    stopping = true;
                }
            }
            stopping |= group.remove(STOP);
            if (!group.isEmpty()) {
                commitGroup(group);
            }
        }
        // writes that raced with close: refuse them clearly rather than leave callers blocked
        Pending<?> late;
        while ((late = queue.poll()) != null) {
            late.done().completeExceptionally(new WorkspaceException("workspace " + file + " closed before this "
                    + "write ran"));
        }
    }

    private void commitGroup(List<Pending<?>> group) {
        try (Statement s = connection.createStatement()) {
            dialect.begin(connection, s);
            List<Runnable> completions = new ArrayList<>(group.size());
            try {
                for (Pending<?> p : group) {
                    runDeferred(p, completions);
                }
                dialect.commit(connection, s);
            } catch (SQLException | RuntimeException e) {
                rollback(s);
                if (group.size() == 1) {
                    group.getFirst().done().completeExceptionally(e);
                    return;
                }
                for (Pending<?> p : group) {
                    commitGroup(new ArrayList<>(List.of(p)));
                }
                return;
            }
            afterCommit(); // outside the try above: a failure here must not replay a committed group
            completions.forEach(Runnable::run);
        } catch (SQLException e) {
            for (Pending<?> p : group) {
                p.done().completeExceptionally(e);
            }
        }
    }

    private void afterCommit() {
        try {
            afterCommit.run();
        } catch (RuntimeException ignored) {
            // the hook only keeps a cache index current; the commit stands either way
        }
    }

    /** Runs the work now but completes the caller only after COMMIT, so nobody sees an uncommitted write. */
    private <T> void runDeferred(Pending<T> p, List<Runnable> completions) throws SQLException {
        T value = p.work().apply(statements);
        completions.add(() -> p.done().complete(value));
    }

    private void rollback(Statement s) {
        try {
            dialect.rollback(connection, s);
        } catch (SQLException ignored) {
            // the transaction is already gone; the replay below starts a fresh one
        }
    }

    /** Commits queued writes, stops the thread and checkpoints the WAL. Safe to call twice, from any thread. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        queue.add(STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        statements.closeAll();
        try (Statement s = connection.createStatement()) {
            dialect.beforeClose(s);
        } catch (SQLException ignored) {
            // a reader in another process may hold the WAL; the next open checkpoints it
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to save
        }
    }
}

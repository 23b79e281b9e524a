package dev.gepa4j.runtime.workspace;

import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who executes a rollout that no run has stored yet, when several processes share a workspace: the one holding the
 * cache key's lease. The protocol is in {@link PostgresLeases}; a sqlite workspace, written by one process, takes
 * none ({@link #NONE}).
 */
interface RolloutLeases extends AutoCloseable {
    /** No leases: a lookup is just a lookup. */
    RolloutLeases NONE = new RolloutLeases() {
        @Override
        public <T> Optional<T> resultOrLease(String cacheKey, String runId, Supplier<Optional<T>> lookUp) {
            return lookUp.get();
        }

        @Override
        public void releaseWithin(GroupCommitWriter.Statements s, String cacheKey) {
            // nothing held
        }

        @Override
        public void settled(String cacheKey) {
            // nothing held
        }

        @Override
        public void close() {
            // nothing held
        }
    };

    /**
     * The stored result of {@code cacheKey} as {@code lookUp} finds it, waiting while another process holds the key's
     * lease; or empty, and then this process holds the lease and should execute the rollout and append it.
     */
    <T> Optional<T> resultOrLease(String cacheKey, String runId, Supplier<Optional<T>> lookUp);

    /** Ends this process's lease on the key inside the transaction that stores its row (a no-op if none is held). */
    void releaseWithin(GroupCommitWriter.Statements s, String cacheKey) throws SQLException;

    /** The caller is done with the key, appended or not: a lease still held is given up. */
    void settled(String cacheKey);

    @Override
    void close();
}

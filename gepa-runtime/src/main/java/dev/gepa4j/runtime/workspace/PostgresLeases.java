package dev.gepa4j.runtime.workspace;

import dev.gepa4j.core.workspace.WorkspaceException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Leases on cache keys in the {@code rollout_leases} table, so that two processes needing the same rollout never both
 * execute it.
 *
 * <p>The protocol, for a process that needs the result of a cache key:
 * <ol>
 *   <li>Look the key up. A measured row (any run's) is the answer.</li>
 *   <li>Else take the lease in one atomic statement: insert a row {@code (cache_key, owner, run_id, expires_at_ms)},
 *       or, if one exists, overwrite it only when it has expired or is already this owner's. Expiry is read from the
 *       server's clock ({@code clock_timestamp()}), so the machines' clocks never matter.</li>
 *   <li>Taken: look up once more (the previous owner may have committed between steps 1 and 2; then the lease is
 *       given back and that row is the answer). Otherwise execute the rollout; the transaction that stores its row
 *       also deletes the lease, so the row appears exactly when the lease disappears. An ERROR result deletes the
 *       lease too (another process may try); a rollout never sent (the batch stopped) gives it back.</li>
 *   <li>Not taken: another live process is executing it. Wait (20 ms, doubling to at most 500 ms) and go to 1: the
 *       owner's row appears, or its lease expires and this process takes it over (counted in {@link #takeovers}).</li>
 * </ol>
 * While a process holds leases, a heartbeat renews all of them every third of the lease time; a killed or frozen
 * process stops renewing and its leases expire after {@code lease_seconds} (30 s by default). A process that loses a
 * lease while still executing (frozen longer than the lease) still stores its row when it comes back: its container
 * call did happen, so the journal says so. {@link #close} gives back every lease of this owner.
 */
final class PostgresLeases implements RolloutLeases {
    /** The server's clock in epoch milliseconds. */
    private static final String NOW_MS = "(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT";
    private static final String TAKE = "INSERT INTO rollout_leases AS l (cache_key, owner, run_id, expires_at_ms, "
            + "takeovers) VALUES (?, ?, ?, " + NOW_MS + " + ?, 0) ON CONFLICT (cache_key) DO UPDATE SET "
            + "owner = EXCLUDED.owner, run_id = EXCLUDED.run_id, expires_at_ms = EXCLUDED.expires_at_ms, "
            + "takeovers = l.takeovers + CASE WHEN l.owner = EXCLUDED.owner THEN 0 ELSE 1 END "
            + "WHERE l.expires_at_ms < " + NOW_MS + " OR l.owner = EXCLUDED.owner RETURNING takeovers";
    private static final String RELEASE = "DELETE FROM rollout_leases WHERE cache_key = ? AND owner = ?";
    /**
     * Renews this owner's leases, skipping rows another transaction has locked (the writer deleting them with their
     * rollouts' rows): waiting for those, while holding locks on the others, could deadlock with the writer.
     */
    private static final String RENEW = "UPDATE rollout_leases SET expires_at_ms = " + NOW_MS + " + ? WHERE cache_key IN "
            + "(SELECT cache_key FROM rollout_leases WHERE owner = ? FOR UPDATE SKIP LOCKED)";
    private static final long FIRST_PAUSE_MS = 20;
    private static final long MAX_PAUSE_MS = 500;

    private final ReadPool pool;
    private final String owner;
    private final long leaseMs;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final AtomicLong takeovers = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();
    private final ScheduledExecutorService heartbeat;

    /**
     * @param owner names this process uniquely among the workspace's users (host, pid and a random part)
     * @param lease how long a lease lasts without a heartbeat
     */
    PostgresLeases(ReadPool pool, String owner, Duration lease) {
        this.pool = pool;
        this.owner = owner;
        this.leaseMs = lease.toMillis();
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                .name("gepa-lease-heartbeat").unstarted(r));
        long every = Math.max(50, leaseMs / 3);
        heartbeat.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public <T> Optional<T> resultOrLease(String cacheKey, String runId, Supplier<Optional<T>> lookUp) {
        long pause = FIRST_PAUSE_MS;
        boolean waited = false;
        while (true) {
            Optional<T> stored = lookUp.get();
            if (stored.isPresent()) {
                return stored;
            }
            if (take(cacheKey, runId)) {
                Optional<T> late = lookUp.get();
                if (late.isPresent()) {
                    settled(cacheKey);
                }
                return late;
            }
            if (!waited) {
                waited = true;
                waits.incrementAndGet();
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorkspaceException("interrupted while waiting for another process's rollout " + cacheKey, e);
            }
            pause = Math.min(MAX_PAUSE_MS, Math.min(pause * 2, Math.max(FIRST_PAUSE_MS, leaseMs / 4)));
        }
    }

    private boolean take(String cacheKey, String runId) {
        return pool.read(session -> {
            PreparedStatement ps = session.prepared(TAKE);
            ps.setString(1, cacheKey);
            ps.setString(2, owner);
            ps.setString(3, runId);
            ps.setLong(4, leaseMs);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                held.add(cacheKey);
                if (rs.getInt(1) > 0) {
                    takeovers.incrementAndGet();
                }
                return true;
            }
        });
    }

    @Override
    public void releaseWithin(GroupCommitWriter.Statements s, String cacheKey) throws SQLException {
        if (held.remove(cacheKey)) {
            PreparedStatement ps = s.of(RELEASE);
            ps.setString(1, cacheKey);
            ps.setString(2, owner);
            ps.executeUpdate();
        }
    }

    @Override
    public void settled(String cacheKey) {
        if (held.remove(cacheKey)) {
            pool.read(session -> {
                PreparedStatement ps = session.prepared(RELEASE);
                ps.setString(1, cacheKey);
                ps.setString(2, owner);
                return ps.executeUpdate();
            });
        }
    }

    private void renew() {
        if (held.isEmpty()) {
            return;
        }
        try {
            pool.read(session -> {
                PreparedStatement ps = session.prepared(RENEW);
                ps.setLong(1, leaseMs);
                ps.setString(2, owner);
                return ps.executeUpdate();
            });
        } catch (RuntimeException e) {
            // the next beat tries again; a lease that expires meanwhile is taken over, costing one repeated rollout
            System.err.println("gepa: renewing rollout leases failed (" + e.getMessage() + "); retrying");
        }
    }

    /** Leases this process took over from an owner whose lease had expired. */
    long takeovers() {
        return takeovers.get();
    }

    /** Lookups that had to wait for another process's lease. */
    long waits() {
        return waits.get();
    }

    String owner() {
        return owner;
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            pool.read(session -> {
                PreparedStatement ps = session.prepared("DELETE FROM rollout_leases WHERE owner = ?");
                ps.setString(1, owner);
                return ps.executeUpdate();
            });
        } catch (RuntimeException e) {
            // they expire on their own
        }
        held.clear();
    }
}

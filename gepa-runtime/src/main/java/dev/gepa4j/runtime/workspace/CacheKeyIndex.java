package dev.gepa4j.runtime.workspace;

import dev.gepa4j.core.workspace.WorkspaceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConfig;

/**
 * Which cache keys the workspace holds a measured (not error) rollout row for, kept in memory as 64-bit hashes, so
 * that looking up a key no run has stored (the usual case: every rollout of a new candidate) costs no query.
 *
 * <p>Contract: {@link #mayHold} returns false only if no row with the key had been committed when it was asked,
 * by this process or another, except for one narrow race named below; true means "look it up" (a hash can collide,
 * so the row may still be absent). Keys this process writes are added inside the writing transaction
 * ({@link #add}). Rows other connections commit are noticed through sqlite's {@code PRAGMA data_version} on a
 * connection of the index's own: the writer tells the index after each of its commits ({@link #ownCommitDone}), so
 * a version that moved since then means another connection committed, and the index then reads the rows added
 * since the last one it saw. The race: a commit by another process that lands between one of this writer's
 * commits and its {@link #ownCommitDone} is taken for this writer's; its keys are read with the next foreign
 * commit. Missing one costs a repeated rollout, never a wrong answer.
 *
 * <p>Thread-safe. Memory: about 60 bytes per distinct key.
 */
final class CacheKeyIndex implements KnownKeys, AutoCloseable {
    private static final String NEW_ROWS = "SELECT rowid, cache_key FROM rollouts WHERE rowid > ? AND status <> 'error'";

    private final String file;
    private final Set<Long> keys = ConcurrentHashMap.newKeySet();
    private final Connection probe;
    private final PreparedStatement dataVersion;
    private final PreparedStatement newRows;
    private long seenVersion;
    private long lastRowId;
    private long catchUps;
    private boolean closed;

    /** Opens the index's read-only connection on {@code file} and loads every key stored so far. */
    CacheKeyIndex(String file) {
        this.file = file;
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try {
            this.probe = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            this.dataVersion = probe.prepareStatement("PRAGMA data_version");
            this.newRows = probe.prepareStatement(NEW_ROWS);
        } catch (SQLException e) {
            throw new WorkspaceException("cannot open " + file + " to index its rollout cache: " + e.getMessage(), e);
        }
        synchronized (this) {
            catchUp();
        }
    }

    /** False when no run of the workspace has a measured row for the key (see the class contract). */
    @Override
    public boolean mayHold(String cacheKey) {
        long hash = hash(cacheKey);
        if (keys.contains(hash)) {
            return true;
        }
        synchronized (this) {
            if (!closed && version() != seenVersion) {
                catchUp();
            }
        }
        return keys.contains(hash);
    }

    /** A measured row with this key is being written by this process (called inside the writing transaction). */
    @Override
    public void add(String cacheKey) {
        keys.add(hash(cacheKey));
    }

    /** The workspace's writer committed: the data version it moved to is this process's own doing. */
    synchronized void ownCommitDone() {
        if (!closed) {
            try {
                seenVersion = version();
            } catch (WorkspaceException e) {
                // the version stays as last seen, so the next miss reads the new rows instead: slower, still exact
            }
        }
    }

    /** Reads the rows committed since the last one seen; the version is read first so no commit slips between. */
    private void catchUp() {
        catchUps++;
        long version = version();
        try {
            newRows.setLong(1, lastRowId);
            try (ResultSet rs = newRows.executeQuery()) {
                while (rs.next()) {
                    lastRowId = Math.max(lastRowId, rs.getLong(1));
                    keys.add(hash(rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new WorkspaceException("reading the rollout cache keys of " + file + " failed: " + e.getMessage(), e);
        }
        seenVersion = version;
    }

    private long version() {
        try (ResultSet rs = dataVersion.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new WorkspaceException("reading the data version of " + file + " failed: " + e.getMessage(), e);
        }
    }

    /** How often the index has read rows from the file, including the load at open (for tests). */
    synchronized long catchUps() {
        return catchUps;
    }

    /** 64-bit FNV-1a over the key's characters: stable, cheap, and a collision only costs one extra lookup. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            dataVersion.close();
            newRows.close();
            probe.close();
        } catch (SQLException ignored) {
            // closing: nothing to save
        }
    }
}

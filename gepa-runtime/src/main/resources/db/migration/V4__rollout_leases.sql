-- Leases on cache keys: the process about to execute a rollout that no run has stored holds the key's lease, so a
-- process of another run that needs the same key waits for the result instead of executing it too. Only the
-- PostgreSQL workspace, which several processes write, takes leases (expiry in the server's epoch milliseconds); the
-- table exists in sqlite for one schema. Valid SQL for both databases: PostgreSQL runs this same file.
CREATE TABLE rollout_leases (
    cache_key     TEXT PRIMARY KEY,
    owner         TEXT NOT NULL,
    run_id        TEXT NOT NULL,
    expires_at_ms BIGINT NOT NULL,
    takeovers     INTEGER NOT NULL
);
-- A cached row names the run whose measured row it reused (NULL: executed here, or written before version 4).
ALTER TABLE rollouts ADD COLUMN cached_from TEXT;

-- An ERROR rollout measured nothing, so its reward is unknown: store NULL, never 0.
-- sqlite cannot drop a NOT NULL constraint in place, so the table is rebuilt with the same columns and index.
CREATE TABLE rollouts_v2 (
    run_id            TEXT NOT NULL REFERENCES runs(run_id),
    seq               INTEGER NOT NULL,
    stage             TEXT NOT NULL,
    cache_key         TEXT NOT NULL,
    rollout_id        TEXT NOT NULL,
    candidate_id      TEXT NOT NULL,
    example_id        TEXT NOT NULL,
    split             TEXT NOT NULL,
    seed              INTEGER NOT NULL,
    reward            REAL CHECK (reward IS NOT NULL OR status = 'error'),
    status            TEXT NOT NULL,
    output            TEXT NOT NULL,
    verifier_json     TEXT NOT NULL,
    trace_json        TEXT NOT NULL,
    prompt_tokens     INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    total_tokens      INTEGER NOT NULL,
    cost_usd          REAL NOT NULL,
    latency_ms        INTEGER NOT NULL,
    attempts          INTEGER NOT NULL,
    endpoint          TEXT NOT NULL,
    cached            INTEGER NOT NULL,
    error             TEXT,
    finished_at       TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
);
INSERT INTO rollouts_v2 SELECT run_id, seq, stage, cache_key, rollout_id, candidate_id, example_id, split, seed,
    CASE WHEN status = 'error' THEN NULL ELSE reward END, status, output, verifier_json, trace_json, prompt_tokens,
    completion_tokens, total_tokens, cost_usd, latency_ms, attempts, endpoint, cached, error, finished_at
    FROM rollouts ORDER BY rowid;
DROP TABLE rollouts;
ALTER TABLE rollouts_v2 RENAME TO rollouts;
CREATE INDEX rollouts_by_cache_key ON rollouts (cache_key) WHERE status <> 'error';

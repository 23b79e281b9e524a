-- gepa4j workspace schema, version 1. Times are ISO-8601 UTC text; JSON columns hold UTF-8 JSON text.
CREATE TABLE runs (
    run_id         TEXT PRIMARY KEY,
    task           TEXT NOT NULL,
    config_text    TEXT NOT NULL,
    seed           INTEGER NOT NULL,
    mode           TEXT NOT NULL,
    rollout_budget INTEGER NOT NULL,
    status         TEXT NOT NULL,
    stop_reason    TEXT,
    started_at     TEXT NOT NULL,
    finished_at    TEXT
);

CREATE TABLE candidates (
    run_id        TEXT NOT NULL REFERENCES runs(run_id),
    candidate_id  TEXT NOT NULL,
    idx           INTEGER NOT NULL,
    payload_json  TEXT NOT NULL,
    parents_json  TEXT NOT NULL,
    origin        TEXT NOT NULL,
    diffs_json    TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    PRIMARY KEY (run_id, candidate_id)
);

CREATE TABLE rollouts (
    run_id            TEXT NOT NULL REFERENCES runs(run_id),
    seq               INTEGER NOT NULL,
    stage             TEXT NOT NULL,
    cache_key         TEXT NOT NULL,
    rollout_id        TEXT NOT NULL,
    candidate_id      TEXT NOT NULL,
    example_id        TEXT NOT NULL,
    split             TEXT NOT NULL,
    seed              INTEGER NOT NULL,
    reward            REAL NOT NULL,
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
-- the shared rollout cache: only measured results (ok, failed) are ever served
CREATE INDEX rollouts_by_cache_key ON rollouts (cache_key) WHERE status <> 'error';

CREATE TABLE proposals (
    run_id            TEXT NOT NULL REFERENCES runs(run_id),
    seq               INTEGER NOT NULL,
    proposer          TEXT NOT NULL,
    parents_json      TEXT NOT NULL,
    input             TEXT NOT NULL,
    raw_output        TEXT NOT NULL,
    drafts_json       TEXT NOT NULL,
    prompt_tokens     INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    total_tokens      INTEGER NOT NULL,
    cost_usd          REAL NOT NULL,
    error             TEXT,
    recorded_at       TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE decisions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id       TEXT NOT NULL REFERENCES runs(run_id),
    proposal_seq INTEGER NOT NULL,
    candidate_id TEXT NOT NULL,
    parent_id    TEXT,
    stage        TEXT NOT NULL,
    accepted     INTEGER NOT NULL,
    reason       TEXT NOT NULL,
    parent_score REAL,
    child_score  REAL,
    decided_at   TEXT NOT NULL,
    -- a resumed run replays its recorded proposals; their decisions must not be stored twice
    UNIQUE (run_id, proposal_seq, candidate_id, stage)
);
CREATE INDEX decisions_by_run ON decisions (run_id, id);

CREATE TABLE events (
    run_id      TEXT NOT NULL REFERENCES runs(run_id),
    seq         INTEGER NOT NULL,
    at          TEXT NOT NULL,
    type        TEXT NOT NULL,
    message     TEXT NOT NULL,
    fields_json TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE usage_ledger (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id            TEXT NOT NULL REFERENCES runs(run_id),
    source            TEXT NOT NULL,
    model             TEXT NOT NULL,
    ref               TEXT,
    prompt_tokens     INTEGER NOT NULL,
    completion_tokens INTEGER NOT NULL,
    total_tokens      INTEGER NOT NULL,
    cost_usd          REAL NOT NULL,
    recorded_at       TEXT NOT NULL
);
CREATE INDEX usage_by_run ON usage_ledger (run_id, source);

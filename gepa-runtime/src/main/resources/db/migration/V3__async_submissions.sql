-- Async rollouts: the container's id of every rollout submitted and not yet known to be finished, keyed by the
-- optimizer's rollout id and the endpoint it was submitted to, so a resumed run polls it instead of submitting it
-- again. Written before the first poll; a row whose rollout finished is harmless (the journal answers first).
CREATE TABLE async_submissions (
    rollout_id           TEXT NOT NULL,
    endpoint             TEXT NOT NULL,
    container_rollout_id TEXT NOT NULL,
    submitted_at         TEXT NOT NULL,
    PRIMARY KEY (rollout_id, endpoint)
);

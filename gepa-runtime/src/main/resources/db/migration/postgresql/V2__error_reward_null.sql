-- An ERROR rollout measured nothing, so its reward is unknown: store NULL, never 0. (sqlite rebuilds the table to
-- drop the constraint; PostgreSQL changes it in place.)
ALTER TABLE rollouts ALTER COLUMN reward DROP NOT NULL;
UPDATE rollouts SET reward = NULL WHERE status = 'error';
ALTER TABLE rollouts ADD CONSTRAINT rollouts_reward_measured CHECK (reward IS NOT NULL OR status = 'error');

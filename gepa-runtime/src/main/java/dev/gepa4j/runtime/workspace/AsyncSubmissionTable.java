package dev.gepa4j.runtime.workspace;

import dev.gepa4j.runtime.container.SubmittedRollouts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/**
 * Table {@code async_submissions}: the container's id of each async rollout submitted, by the optimizer's rollout id
 * and the endpoint, so that a run resumed after a crash polls a rollout it submitted instead of submitting it again.
 * Every method goes through the workspace's writer, so {@link #remember} has committed when it returns and
 * {@link #find} sees every earlier write of this process. Thread-safe.
 */
public final class AsyncSubmissionTable implements SubmittedRollouts {
    private final GroupCommitWriter writer;

    AsyncSubmissionTable(GroupCommitWriter writer) {
        this.writer = writer;
    }

    /** The container's id for the rollout at the endpoint, if one is held. */
    @Override
    public Optional<String> find(String rolloutId, String endpoint) {
        return writer.write(s -> {
            PreparedStatement ps = s.of("SELECT container_rollout_id FROM async_submissions "
                    + "WHERE rollout_id = ? AND endpoint = ?");
            ps.setString(1, rolloutId);
            ps.setString(2, endpoint);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    /** Records (or replaces) the container's id of a submitted rollout; durable when it returns. */
    @Override
    public void remember(String rolloutId, String endpoint, String containerRolloutId) {
        writer.write(s -> {
            PreparedStatement ps = s.of("INSERT INTO async_submissions (rollout_id, endpoint, "
                    + "container_rollout_id, submitted_at) VALUES (?, ?, ?, ?) ON CONFLICT (rollout_id, endpoint) "
                    + "DO UPDATE SET container_rollout_id = EXCLUDED.container_rollout_id, "
                    + "submitted_at = EXCLUDED.submitted_at");
            ps.setString(1, rolloutId);
            ps.setString(2, endpoint);
            ps.setString(3, containerRolloutId);
            ps.setString(4, Instant.now().toString());
            return ps.executeUpdate();
        });
    }

    /** Drops the entry, so the next attempt submits the rollout afresh. */
    @Override
    public void forget(String rolloutId, String endpoint) {
        writer.write(s -> {
            PreparedStatement ps = s.of("DELETE FROM async_submissions WHERE rollout_id = ? AND endpoint = ?");
            ps.setString(1, rolloutId);
            ps.setString(2, endpoint);
            return ps.executeUpdate();
        });
    }
}

package dev.gepa4j.runtime.container;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the ids of submitted async rollouts are kept while they run, so that a run resumed after a crash polls a
 * rollout it already submitted instead of submitting it again.
 *
 * <p>Contract: {@link #remember} is durable when it returns (the client polls only after it); entries are keyed by
 * the optimizer's rollout id (unique per run and rollout) and the endpoint (a container's own id means something on
 * that endpoint only). Thread-safe.
 */
public interface SubmittedRollouts {

    /** The container's id of the rollout submitted for {@code rolloutId} at {@code endpoint}, if one is held. */
    Optional<String> find(String rolloutId, String endpoint);

    /** Records that {@code rolloutId} was submitted to {@code endpoint} and the container calls it {@code containerId}. */
    void remember(String rolloutId, String endpoint, String containerId);

    /** Drops the entry (the submission was terminated, cancelled or is unknown to the container). */
    void forget(String rolloutId, String endpoint);

    /** A store in this process's memory only: right for `gepa check` and tests, not for resumable runs. */
    static SubmittedRollouts inMemory() {
        Map<String, String> ids = new ConcurrentHashMap<>();
        return new SubmittedRollouts() {
            @Override
            public Optional<String> find(String rolloutId, String endpoint) {
                return Optional.ofNullable(ids.get(endpoint + "\n" + rolloutId));
            }

            @Override
            public void remember(String rolloutId, String endpoint, String containerId) {
                ids.put(endpoint + "\n" + rolloutId, containerId);
            }

            @Override
            public void forget(String rolloutId, String endpoint) {
                ids.remove(endpoint + "\n" + rolloutId);
            }
        };
    }
}

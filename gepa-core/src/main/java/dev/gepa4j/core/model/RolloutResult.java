package dev.gepa4j.core.model;

import java.util.Objects;

/**
 * The outcome of one candidate on one example.
 *
 * @param rolloutId  the id sent to the container (idempotency key of retries)
 * @param candidateId the candidate that ran
 * @param example    the example it ran on
 * @param status     how it ended; only {@link RolloutStatus#OK} and {@link RolloutStatus#FAILED} are measurements
 * @param reward     in [0,1] for OK, 0 for FAILED and ERROR
 * @param output     the model's answer as the container summarised it (may be empty)
 * @param verifier   the verifier's verdict and feedback
 * @param traceJson  the container's trace as a JSON document (may be "{}")
 * @param usage      tokens the policy spent
 * @param latencyMs  wall time of the successful attempt (0 for a cache hit)
 * @param attempts   HTTP attempts made (0 for a cache hit)
 * @param endpoint   base URL of the container that answered, or "cache"
 * @param cached     true when served from the rollout cache without calling a container
 * @param error      what went wrong for FAILED and ERROR, else null
 */
public record RolloutResult(String rolloutId, String candidateId, ExampleRef example, RolloutStatus status,
                            double reward, String output, VerifierResult verifier, String traceJson, Usage usage,
                            long latencyMs, int attempts, String endpoint, boolean cached, String error) {
    public RolloutResult {
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(candidateId, "candidateId");
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(status, "status");
        if (Double.isNaN(reward) || reward < 0 || reward > 1) {
            throw new IllegalArgumentException("reward must be in [0,1], was " + reward);
        }
        output = output == null ? "" : output;
        verifier = verifier == null ? VerifierResult.NONE : verifier;
        traceJson = traceJson == null ? "{}" : traceJson;
        usage = usage == null ? Usage.ZERO : usage;
    }

    /** True for OK and FAILED: the container judged the example. */
    public boolean measured() {
        return status != RolloutStatus.ERROR;
    }

    /** The same result as seen by a later reader of the cache: cached, no attempts, no latency. */
    public RolloutResult asCacheHit(String newRolloutId, String newCandidateId) {
        return new RolloutResult(newRolloutId, newCandidateId, example, status, reward, output, verifier, traceJson,
                usage, 0, 0, "cache", true, error);
    }
}

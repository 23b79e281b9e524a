package dev.gepa4j.core.model;

/** How a rollout ended. */
public enum RolloutStatus {
    /** The container ran the example and returned a reward. */
    OK,
    /**
     * The example failed inside the container (the policy crashed, the output did not parse): a result with
     * reward 0 and the error in the trace, so reflection can see it.
     */
    FAILED,
    /**
     * The optimizer could not get a valid answer (transport failure after retries, contract violation, per-rollout
     * timeout). Not a measurement: it is never cached and never scores the candidate.
     */
    ERROR
}

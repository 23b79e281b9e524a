package dev.gepa4j.testkit.containers;

/** The one way a {@link ViolatingContainer} breaks the contract. */
public enum Violation {
    /** {@code /metadata} has no {@code metadata.optimizer_contracts.gepa}. */
    NO_CONTRACT_DECLARATION,
    /** {@code /rollout} answers without any reward field. */
    ROLLOUT_WITHOUT_REWARD,
    /** {@code /rollout} answers {@code reward_info.outcome_reward} as a string. */
    REWARD_AS_STRING,
    /** {@code /rollout} answers 200 with a body that is not JSON. */
    BODY_NOT_JSON,
    /** {@code /dataset/rows} answers one row fewer than the seeds asked for. */
    FEWER_ROWS_THAN_SEEDS
}

package dev.gepa4j.contract;

/**
 * A reward read from a rollout response.
 *
 * @param value  in [0,1]
 * @param source the JSON path it was read from, e.g. {@code reward_info.outcome_reward}
 */
public record Reward(double value, String source) {
}

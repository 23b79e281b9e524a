package dev.gepa4j.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gepa4j.contract.wire.RolloutResponseDoc;
import java.util.Optional;

/**
 * How the reward is read from a rollout response: the first <em>present</em> value of
 * {@code reward_info.outcome_reward}, {@code reward_info.score}, {@code summary.outcome_reward}, then top-level
 * {@code reward}. JSON null counts as absent. The first present value must be a JSON number in [0,1]; a string,
 * boolean or object there is a violation (we never fall through to a later place, which would hide the bug).
 */
public final class RewardRule {
    private RewardRule() {
    }

    /**
     * The reward, or empty when none of the four places holds a value.
     *
     * @throws ContractViolationException when the first present value is not a number in [0,1]
     */
    public static Optional<Reward> find(RolloutResponseDoc doc) {
        Optional<Reward> found = at(child(doc.rewardInfo(), "outcome_reward"), "reward_info.outcome_reward");
        if (found.isEmpty()) {
            found = at(child(doc.rewardInfo(), "score"), "reward_info.score");
        }
        if (found.isEmpty()) {
            found = at(child(doc.summary(), "outcome_reward"), "summary.outcome_reward");
        }
        if (found.isEmpty()) {
            found = at(doc.reward(), "reward");
        }
        return found;
    }

    /**
     * The reward; a response without one breaks the contract (a missing reward is never read as 0).
     *
     * @throws ContractViolationException when no reward is present or it is not a number in [0,1]
     */
    public static Reward require(RolloutResponseDoc doc) {
        return find(doc).orElseThrow(() -> new ContractViolationException("missing_reward",
                "the rollout response has no reward: put a number in [0,1] at reward_info.outcome_reward "
                        + "(or summary.outcome_reward, or top-level reward)"));
    }

    private static JsonNode child(JsonNode parent, String field) {
        return parent == null || !parent.isObject() ? null : parent.get(field);
    }

    private static Optional<Reward> at(JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (!node.isNumber()) {
            throw new ContractViolationException("non_numeric_reward", "the reward at " + path + " is "
                    + describe(node) + ", not a number: send it as a JSON number in [0,1], e.g. 1.0");
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value) || value < 0 || value > 1) {
            throw new ContractViolationException("reward_out_of_range", "the reward at " + path + " is " + node
                    + ", outside [0,1]: scale it into [0,1] (1 = solved)");
        }
        return Optional.of(new Reward(value, path));
    }

    static String describe(JsonNode node) {
        String text = node.toString();
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " (" + text + ")";
    }
}

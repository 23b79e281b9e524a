package dev.gepa4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gepa4j.contract.wire.RolloutResponseDoc;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RewardRuleTest {

    private static RolloutResponseDoc doc(String json) {
        return ContractCodec.read(json.getBytes(StandardCharsets.UTF_8), RolloutResponseDoc.class);
    }

    @ParameterizedTest(name = "{0} -> {1} from {2}")
    @CsvSource(delimiter = '|', value = {
        "{\"reward_info\":{\"outcome_reward\":0.75,\"score\":0.1},\"summary\":{\"outcome_reward\":0.2},\"reward\":0.3}"
                + "|0.75|reward_info.outcome_reward",
        "{\"reward_info\":{\"score\":0.5},\"summary\":{\"outcome_reward\":0.2},\"reward\":0.3}|0.5|reward_info.score",
        "{\"reward_info\":{\"details\":{}},\"summary\":{\"outcome_reward\":0.2},\"reward\":0.3}"
                + "|0.2|summary.outcome_reward",
        "{\"summary\":{\"prediction\":\"x\"},\"reward\":1}|1.0|reward",
        "{\"reward_info\":{\"outcome_reward\":null},\"reward\":0}|0.0|reward",
    })
    void theFirstPresentPlaceInRuleOrderGivesTheReward(String json, double value, String source) {
        Reward reward = RewardRule.require(doc(json));

        assertThat(reward.value()).isEqualTo(value);
        assertThat(reward.source()).isEqualTo(source);
    }

    @Test
    void aResponseWithoutAnyRewardIsAViolationNotZero() {
        assertThatThrownBy(() -> RewardRule.require(doc("{\"rollout_id\":\"r\",\"summary\":{\"prediction\":\"x\"}}")))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("no reward")
                .hasMessageContaining("reward_info.outcome_reward")
                .satisfies(e -> assertThat(((ContractViolationException) e).code()).isEqualTo("missing_reward"));
    }

    @Test
    void aRewardSentAsAStringIsAViolationEvenWhenALaterPlaceHoldsANumber() {
        assertThatThrownBy(() -> RewardRule.require(doc("{\"reward_info\":{\"outcome_reward\":\"1.0\"},\"reward\":1}")))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("reward_info.outcome_reward is a string (\"1.0\"), not a number");
    }

    @ParameterizedTest
    @CsvSource({"1.5", "-0.1"})
    void aRewardOutsideZeroToOneIsAViolation(String value) {
        assertThatThrownBy(() -> RewardRule.require(doc("{\"reward\":" + value + "}")))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("outside [0,1]");
    }

    @Test
    void findIsEmptyWhenNoPlaceHoldsAValue() {
        assertThat(RewardRule.find(doc("{\"status\":\"failed\"}"))).isEmpty();
    }
}

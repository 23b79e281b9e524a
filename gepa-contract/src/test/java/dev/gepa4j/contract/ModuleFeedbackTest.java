package dev.gepa4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModuleFeedbackTest {
    private static JsonNode json(String text) {
        return ContractCodec.read(text.getBytes(StandardCharsets.UTF_8), JsonNode.class);
    }

    @Test
    void perFieldFeedbackIsReadFromTheRewardDetailsAndNonTextValuesKeepTheirJson() {
        var byModule = ModuleFeedback.read(json("{\"outcome_reward\":0,\"details\":{\"feedback_by_module\":"
                + "{\"router\":\"routed to billing\",\"classifier\":{\"missed\":2},\"judge\":null}}}"));

        assertThat(byModule).containsExactly(java.util.Map.entry("router", "routed to billing"),
                java.util.Map.entry("classifier", "{\"missed\":2}"));
    }

    @Test
    void noDetailsOrNoChannelMeansNoPerFieldFeedback() {
        assertThat(ModuleFeedback.read(null)).isEmpty();
        assertThat(ModuleFeedback.read(json("{\"outcome_reward\":1}"))).isEmpty();
        assertThat(ModuleFeedback.read(json("{\"details\":{\"expected\":\"x\"}}"))).isEmpty();
    }

    @Test
    void aChannelThatIsNotAnObjectIsAViolationThatShowsTheExpectedShape() {
        assertThatThrownBy(() -> ModuleFeedback.read(json("{\"details\":{\"feedback_by_module\":\"router bad\"}}")))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("must be an object of candidate field to feedback text")
                .hasMessageContaining("got string");
    }
}

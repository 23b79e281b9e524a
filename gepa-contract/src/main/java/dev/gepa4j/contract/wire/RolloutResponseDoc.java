package dev.gepa4j.contract.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code POST /rollout} response (sync). The reward blocks stay JSON because the reward rule must tell a missing
 * reward from one of the wrong type ({@code dev.gepa4j.contract.RewardRule}).
 *
 * @param status {@code completed} (or {@code succeeded}/{@code ok}) for a judged example; {@code failed} when the
 *               example failed inside the container (still data: reward 0, error in the trace)
 */
public record RolloutResponseDoc(String rolloutId, String status, JsonNode rewardInfo, JsonNode summary,
                                 UsageDoc usage, JsonNode trace, VerifierDoc verifier, JsonNode reward,
                                 @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public RolloutResponseDoc {
        extra = Extras.orEmpty(extra);
    }
}

package dev.gepa4j.contract.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** {@code usage} of a rollout response; any count may be absent. */
public record UsageDoc(Long promptTokens, Long completionTokens, Long totalTokens, Double costUsd,
                       @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public UsageDoc {
        extra = Extras.orEmpty(extra);
    }
}

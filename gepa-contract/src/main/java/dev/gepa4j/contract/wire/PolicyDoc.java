package dev.gepa4j.contract.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** {@code policy} of a rollout request: which model the container should call. Never carries a key. */
public record PolicyDoc(String provider, String model, String baseUrl, Integer maxTokens,
                        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public PolicyDoc {
        extra = Extras.orEmpty(extra);
    }
}

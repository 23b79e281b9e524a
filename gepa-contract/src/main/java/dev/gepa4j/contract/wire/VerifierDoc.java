package dev.gepa4j.contract.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Optional {@code verifier} block of a rollout response. */
public record VerifierDoc(Boolean passed, Double score, String feedback,
                          @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public VerifierDoc {
        extra = Extras.orEmpty(extra);
    }
}

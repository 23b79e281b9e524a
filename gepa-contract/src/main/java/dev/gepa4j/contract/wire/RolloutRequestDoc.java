package dev.gepa4j.contract.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code POST /rollout} request. {@code candidate} overlays the program's mutable fields; {@code split} may also
 * come inside {@code dataset_row} (as the public Rust optimizer sends it).
 */
public record RolloutRequestDoc(String rolloutId, String runId, String candidateId, Map<String, String> candidate,
                                Long seed, String split, JsonNode datasetRow, PolicyDoc policy,
                                @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public RolloutRequestDoc {
        extra = Extras.orEmpty(extra);
    }
}

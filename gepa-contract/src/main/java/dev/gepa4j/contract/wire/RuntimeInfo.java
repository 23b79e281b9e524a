package dev.gepa4j.contract.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** {@code runtime} of {@code GET /metadata}: which container this is. */
public record RuntimeInfo(String runtimeId, String name, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public RuntimeInfo {
        extra = Extras.orEmpty(extra);
    }
}

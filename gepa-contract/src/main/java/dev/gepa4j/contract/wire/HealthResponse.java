package dev.gepa4j.contract.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** {@code GET /health}: {@code {"status":"ok"}} once the container is ready. */
public record HealthResponse(String status, String contractVersion,
                             @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public HealthResponse {
        extra = Extras.orEmpty(extra);
    }

    public static HealthResponse ok(String contractVersion) {
        return new HealthResponse("ok", contractVersion, null);
    }
}

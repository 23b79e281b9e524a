package dev.gepa4j.contract.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code GET /task_info}. {@code outputSpace} and {@code proposerHints} are free-form (a list of labels, an
 * object of hints, a sentence) and stay JSON.
 */
public record TaskInfoResponse(String taskId, String description, JsonNode outputSpace, JsonNode proposerHints,
                               @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public TaskInfoResponse {
        extra = Extras.orEmpty(extra);
    }
}

package dev.gepa4j.contract.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** {@code POST /dataset/rows} response: JSON objects, each with a stable {@code example_id} (or {@code id}). */
public record DatasetRowsResponse(List<JsonNode> rows, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public DatasetRowsResponse {
        extra = Extras.orEmpty(extra);
    }
}

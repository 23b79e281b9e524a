package dev.gepa4j.contract.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** {@code POST /dataset/rows} request: one row is wanted per seed, in seed order. */
public record DatasetRowsRequest(String split, List<Long> seeds, JsonNode filters,
                                 @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public DatasetRowsRequest {
        extra = Extras.orEmpty(extra);
    }

    public static DatasetRowsRequest of(String split, List<Long> seeds) {
        return new DatasetRowsRequest(split, List.copyOf(seeds), null, null);
    }
}

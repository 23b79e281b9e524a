package dev.gepa4j.contract.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code GET /dataset}: the data set id and its splits. We serve {@code splits} as split name to row count;
 * other containers send an object per split ({@code {"size": n}}) or use {@code split_sizes}/{@code split_counts},
 * which {@code ContractMapping} also reads.
 */
public record DatasetResponse(String datasetId, Map<String, JsonNode> splits,
                              @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public DatasetResponse {
        extra = Extras.orEmpty(extra);
    }
}

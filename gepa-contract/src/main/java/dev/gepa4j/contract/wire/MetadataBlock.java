package dev.gepa4j.contract.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The {@code metadata} object inside {@code GET /metadata}. */
public record MetadataBlock(OptimizerContracts optimizerContracts,
                            @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public MetadataBlock {
        extra = Extras.orEmpty(extra);
    }
}

package dev.gepa4j.contract.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** {@code metadata.optimizer_contracts}: one declaration per optimizer family; we read {@code gepa}. */
public record OptimizerContracts(GepaContractDeclaration gepa,
                                 @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public OptimizerContracts {
        extra = Extras.orEmpty(extra);
    }
}

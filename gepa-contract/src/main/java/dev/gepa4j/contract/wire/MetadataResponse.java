package dev.gepa4j.contract.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** {@code GET /metadata} (alias {@code /info}). */
public record MetadataResponse(RuntimeInfo runtime, JsonNode capabilities, MetadataBlock metadata,
                               @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public MetadataResponse {
        extra = Extras.orEmpty(extra);
    }

    /** {@code metadata.optimizer_contracts.gepa}, if the container declared it. */
    public Optional<GepaContractDeclaration> gepaContract() {
        if (metadata == null || metadata.optimizerContracts() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(metadata.optimizerContracts().gepa());
    }
}

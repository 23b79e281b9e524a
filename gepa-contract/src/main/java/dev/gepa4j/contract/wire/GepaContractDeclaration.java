package dev.gepa4j.contract.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code metadata.optimizer_contracts.gepa} of {@code GET /metadata}: the contract version the container speaks
 * and the route names it serves. Routes may be null (the standard names are then assumed).
 */
public record GepaContractDeclaration(String version, String programRoute, String taskInfoRoute,
                                      String datasetRoute, String datasetRowsRoute, String rolloutRoute,
                                      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public GepaContractDeclaration {
        extra = Extras.orEmpty(extra);
    }

    /** The declaration with the standard route names. */
    public static GepaContractDeclaration standard(String version) {
        return new GepaContractDeclaration(version, "/program", "/task_info", "/dataset", "/dataset/rows",
                "/rollout", null);
    }
}

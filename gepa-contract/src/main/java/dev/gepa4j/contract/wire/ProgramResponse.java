package dev.gepa4j.contract.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** {@code GET /program}: the {@code prompt_program.v1} document. */
public record ProgramResponse(String version, String programId, List<ProgramModuleDoc> modules,
                              Map<String, String> seedCandidate, JsonNode metadata,
                              @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public static final String VERSION = "prompt_program.v1";

    public ProgramResponse {
        extra = Extras.orEmpty(extra);
    }
}

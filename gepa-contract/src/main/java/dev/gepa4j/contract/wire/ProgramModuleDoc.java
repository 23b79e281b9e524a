package dev.gepa4j.contract.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** One entry of {@code modules} in {@code GET /program}. {@code mutable} null means false. */
public record ProgramModuleDoc(String moduleId, String role, String content, Boolean mutable, String candidateField,
                               @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public ProgramModuleDoc {
        extra = Extras.orEmpty(extra);
    }
}

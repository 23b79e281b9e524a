package dev.gepa4j.runtime.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.contract.ContractCodec;
import dev.gepa4j.core.model.VerifierResult;
import dev.gepa4j.core.workspace.WorkspaceException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON text stored in the workspace's *_json columns: plain objects, arrays and strings only. */
final class JsonColumns {
    private static final ObjectMapper MAPPER = ContractCodec.plainMapper();
    private static final TypeReference<Map<String, String>> TEXT_MAP = new TypeReference<>() { };
    private static final TypeReference<List<String>> TEXT_LIST = new TypeReference<>() { };
    private static final TypeReference<List<Map<String, String>>> MAP_LIST = new TypeReference<>() { };

    private JsonColumns() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static Map<String, String> textMap(String json) {
        return read(json, TEXT_MAP);
    }

    static List<String> textList(String json) {
        return read(json, TEXT_LIST);
    }

    static List<Map<String, String>> mapList(String json) {
        return read(json, MAP_LIST);
    }

    static String verifier(VerifierResult v) {
        if (VerifierResult.NONE.equals(v)) {
            return "{}";
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("passed", v.passed());
        doc.put("score", v.score());
        doc.put("feedback", v.feedback());
        if (!v.feedbackByModule().isEmpty()) {
            doc.put("feedback_by_module", v.feedbackByModule());
        }
        return write(doc);
    }

    private record VerifierDoc(Boolean passed, Double score, String feedback,
                               @JsonProperty("feedback_by_module") Map<String, String> feedbackByModule) {
    }

    static VerifierResult verifier(String json) {
        if (json.equals("{}")) {
            return VerifierResult.NONE;
        }
        try {
            VerifierDoc d = MAPPER.readValue(json, VerifierDoc.class);
            return new VerifierResult(d.passed(), d.score(), d.feedback(), d.feedbackByModule());
        } catch (JsonProcessingException e) {
            throw new WorkspaceException("a stored verifier result is not valid JSON: " + json, e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new WorkspaceException("a stored JSON column cannot be read (" + e.getOriginalMessage() + "): "
                    + json, e);
        }
    }
}

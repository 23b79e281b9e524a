package dev.gepa4j.contract.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The unknown-field bag every wire record carries; mutable only while Jackson fills it. */
final class Extras {
    private Extras() {
    }

    /** A fresh map when Jackson saw no unknown field (or a caller passed null), so the any-setter can write. */
    static Map<String, JsonNode> orEmpty(Map<String, JsonNode> extra) {
        return extra == null ? new LinkedHashMap<>() : extra;
    }
}

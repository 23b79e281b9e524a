package dev.gepa4j.runtime.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The JSON style of the packet and the console API: snake_case names, nulls written out (an unmeasured score is
 * visibly null), map keys sorted so packets diff cleanly.
 */
public final class EvidenceJson {
    private static final ObjectMapper MAPPER = newMapper();

    private EvidenceJson() {
    }

    /** A fresh mapper with this style, for servers that need their own instance. */
    public static ObjectMapper newMapper() {
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setSerializationInclusion(JsonInclude.Include.ALWAYS)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Pretty JSON of a value; a record that cannot be written is a programming error. */
    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Compact JSON safe to embed in an HTML script block: {@code <}, {@code >} and {@code &} become escapes. */
    public static String forHtmlScript(Object value) {
        try {
            return MAPPER.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}

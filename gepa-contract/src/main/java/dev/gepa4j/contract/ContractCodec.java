package dev.gepa4j.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.stream.Collectors;

/**
 * The one JSON configuration of the contract: snake_case names, nulls left out, unknown fields kept (records
 * carry them in {@code extra}), and no silent type coercion (a seed sent as {@code "7"} or {@code 7.5} is a
 * wrong type, not 7). Thread-safe; share it.
 */
public final class ContractCodec {
    private static final ObjectMapper MAPPER = build();
    /** Jackson's default settings (as {@link JsonNode#toString()} writes), but with pooled buffers. */
    private static final ObjectMapper PLAIN = JsonMapper.builder(pooledFactory()).build();

    private ContractCodec() {
    }

    /** The configured mapper. Do not reconfigure it: it is shared. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads one document.
     *
     * @throws ContractViolationException {@code malformed_json} when the bytes are not JSON, {@code wrong_type}
     *                                    when a field has the wrong type, with the field's path in the message
     */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new ContractViolationException("malformed_json", "the body is JSON null: send a JSON object");
            }
            return value;
        } catch (MismatchedInputException e) {
            throw new ContractViolationException("wrong_type", describe(e), e);
        } catch (JacksonException e) {
            throw new ContractViolationException("malformed_json", "the body is not valid JSON ("
                    + e.getOriginalMessage() + "): send one JSON object", e);
        } catch (java.io.IOException e) {
            throw new ContractViolationException("malformed_json", "the body could not be read: " + e.getMessage(), e);
        }
    }

    /** Converts an already parsed tree into a document; same failures as {@link #read}. */
    public static <T> T convert(JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (MismatchedInputException e) {
            throw new ContractViolationException("wrong_type", describe(e), e);
        } catch (JacksonException e) {
            throw new ContractViolationException("malformed_json", "the document cannot be read ("
                    + e.getOriginalMessage() + ")", e);
        }
    }

    /** Reads a JSON tree; same failures as {@link #read}. */
    public static JsonNode readTree(byte[] json) {
        return read(json, JsonNode.class);
    }

    /** Writes a document as UTF-8 JSON bytes. Records of this contract always serialize. */
    public static byte[] write(Object document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + document.getClass().getSimpleName(), e);
        }
    }

    /**
     * A JSON tree as compact text, exactly as {@link JsonNode#toString()} writes it (nulls kept), but with the shared
     * buffer pool: {@code toString()} allocates fresh buffers on every virtual thread, which made trace text the
     * largest allocation of a rollout.
     */
    public static String writeTree(JsonNode tree) {
        try {
            return PLAIN.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a JSON tree", e);
        }
    }

    /**
     * A mapper with Jackson's default settings (none of the contract's naming or coercion rules) and pooled buffers,
     * for JSON that is not a contract document, such as the workspace's columns. Shared; do not reconfigure it.
     */
    public static ObjectMapper plainMapper() {
        return PLAIN;
    }

    /** Writes a document as a JSON string. */
    public static String writeString(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + document.getClass().getSimpleName(), e);
        }
    }

    private static String describe(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String why = e.getOriginalMessage().lines().findFirst().orElse("")
                .replace("`java.lang.Long`", "integer").replace("`long`", "integer")
                .replace("`java.lang.Integer`", "integer").replace("`java.lang.String`", "string")
                .replace("`java.lang.Double`", "number").replace("`java.lang.Boolean`", "boolean");
        return (path.isEmpty() ? "the body" : "field '" + path + "'") + " has the wrong type: " + why;
    }

    /**
     * A JSON factory whose read and write buffers are shared through a bounded pool instead of kept per thread.
     * Jackson's default pool is thread-local, and every rollout runs on a fresh virtual thread, so the default
     * allocated fresh buffers (tens of kilobytes) for every document and kept the garbage collector busy.
     */
    private static JsonFactory pooledFactory() {
        return JsonFactory.builder().recyclerPool(JsonRecyclerPools.newBoundedPool(BUFFER_POOL_SIZE)).build();
    }

    /** Buffer sets kept for reuse; more documents in flight than this allocate and drop their own. */
    private static final int BUFFER_POOL_SIZE = 512;

    private static ObjectMapper build() {
        JsonMapper mapper = JsonMapper.builder(pooledFactory())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // a number or boolean where text belongs is a client mistake, not something to stringify quietly
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}

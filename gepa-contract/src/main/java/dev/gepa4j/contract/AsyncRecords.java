package dev.gepa4j.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gepa4j.contract.wire.MetadataResponse;
import dev.gepa4j.contract.wire.RolloutResponseDoc;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The async side of {@code POST /rollout}: the modes a container declares, and the records it answers with. A
 * queued record ({@code 202}, {@code status: queued}) names the rollout in {@code rollout_id}; polling
 * {@code GET /rollouts/{id}} gives the same record until its status is terminal ({@code completed}, {@code failed},
 * {@code cancelled}); a terminal record carries the result, either inline (the sync response's fields) or under
 * {@code result}.
 */
public final class AsyncRecords {
    private static final Set<String> WAITING = Set.of("queued", "pending", "running", "in_progress", "accepted",
            "submitted", "started");
    private static final Set<String> CANCELLED = Set.of("cancelled", "canceled", "terminated");

    private AsyncRecords() {
    }

    /**
     * The rollout modes {@code /metadata} declares in {@code capabilities.rollout_modes} (also read from
     * {@code capabilities.submission_modes}), normalized to {@code sync} and {@code async} ({@code blocking} is
     * sync). Empty when nothing is declared, which means sync.
     */
    public static Set<String> rolloutModes(MetadataResponse metadata) {
        Set<String> modes = new TreeSet<>();
        JsonNode caps = metadata.capabilities();
        if (caps == null || !caps.isObject()) {
            return modes;
        }
        for (String field : new String[] {"rollout_modes", "submission_modes"}) {
            JsonNode list = caps.get(field);
            if (list != null && list.isArray()) {
                for (JsonNode m : list) {
                    if (m.isTextual()) {
                        String mode = m.asText().trim().toLowerCase(Locale.ROOT);
                        modes.add(mode.equals("blocking") ? "sync" : mode);
                    }
                }
            }
        }
        return modes;
    }

    /** The record's status in lower case, or "" when it has none. */
    public static String status(JsonNode record) {
        JsonNode s = record == null ? null : record.get("status");
        return s != null && s.isTextual() ? s.asText().trim().toLowerCase(Locale.ROOT) : "";
    }

    /** True while the rollout is still to run or running. */
    public static boolean waiting(JsonNode record) {
        return WAITING.contains(status(record));
    }

    /** True when the rollout was cancelled (terminated) before it gave a result. */
    public static boolean cancelled(JsonNode record) {
        return CANCELLED.contains(status(record));
    }

    /** The container's id of the rollout ({@code rollout_id}), or null when the record has none. */
    public static String rolloutId(JsonNode record) {
        JsonNode id = record == null ? null : record.get("rollout_id");
        return id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
    }

    /**
     * The result a terminal record carries, as a sync response naming {@code requestRolloutId} (the container's own
     * id of an async rollout may differ from the one the optimizer sent).
     *
     * @throws ContractViolationException when the record is not a JSON object of the rollout response's shape
     */
    public static RolloutResponseDoc result(JsonNode record, String requestRolloutId) {
        JsonNode body = record.has("result") && record.get("result").isObject() ? record.get("result").deepCopy()
                : record.deepCopy();
        if (!body.isObject()) {
            throw new ContractViolationException("malformed_record", "the rollout record is not a JSON object");
        }
        ObjectNode doc = (ObjectNode) body;
        if (!doc.has("status") && record.has("status")) {
            doc.set("status", record.get("status"));
        }
        doc.put("rollout_id", requestRolloutId);
        return ContractCodec.convert(doc, RolloutResponseDoc.class);
    }
}

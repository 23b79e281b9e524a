package dev.gepa4j.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The per-field feedback channel of a rollout response: {@code reward_info.details.feedback_by_module}, an object
 * from candidate field (a {@code module_id} of {@code /program}) to the feedback meant for the stage that field
 * shapes. A proposer rewriting one field is shown that field's entry instead of the rollout's whole feedback.
 *
 * <p>The channel is optional. A value that is not text (a number, a list) is kept as its JSON text; a null value
 * is dropped; anything but an object in place of the map is a contract violation, since the container meant to
 * say something per field and the optimizer cannot tell what.
 */
public final class ModuleFeedback {
    /** The key inside {@code reward_info.details}. */
    public static final String KEY = "feedback_by_module";

    private ModuleFeedback() {
    }

    /**
     * The per-field feedback in a response's {@code reward_info}, empty when there is none.
     *
     * @throws ContractViolationException when {@code feedback_by_module} is present but not an object
     */
    public static Map<String, String> read(JsonNode rewardInfo) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rewardInfo == null || !rewardInfo.isObject()) {
            return out;
        }
        JsonNode details = rewardInfo.get("details");
        JsonNode byModule = details != null && details.isObject() ? details.get(KEY) : null;
        if (byModule == null || byModule.isNull()) {
            return out;
        }
        if (!byModule.isObject()) {
            throw new ContractViolationException("wrong_type", "reward_info.details." + KEY + " must be an object of "
                    + "candidate field to feedback text (like {\"router_prompt\": \"routed to billing, should be "
                    + "cards\"}), got " + byModule.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        byModule.properties().forEach(e -> {
            String text = ContractMapping.text(e.getValue());
            if (text != null) {
                out.put(e.getKey(), text);
            }
        });
        return out;
    }

    /** The object to put under {@code reward_info.details.feedback_by_module}. */
    public static ObjectNode write(Map<String, String> byModule) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        byModule.forEach(node::put);
        return node;
    }
}

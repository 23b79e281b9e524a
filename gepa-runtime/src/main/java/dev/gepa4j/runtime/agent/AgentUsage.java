package dev.gepa4j.runtime.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.core.model.Usage;
import dev.gepa4j.runtime.usage.PriceTable;

/**
 * Token usage from an agent's JSON output, where it gives any. Recognised: Codex {@code --json} JSONL events
 * ({@code {"type":"turn.completed","usage":{"input_tokens","cached_input_tokens","output_tokens"}}}, summed over
 * turns) and the Claude Code {@code --output-format json|stream-json} result
 * ({@code {"type":"result","usage":{...},"total_cost_usd"}}). Lines that are not JSON are skipped. Codex reports no
 * cost, so its tokens are priced from the table; Claude's own {@code total_cost_usd} is used as given.
 */
final class AgentUsage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AgentUsage() {
    }

    static Usage from(String stdout, String model, PriceTable prices) {
        long in = 0;
        long out = 0;
        Double reportedCost = null;
        for (String line : stdout.split("\n")) {
            String t = line.strip();
            if (!t.startsWith("{")) {
                continue;
            }
            JsonNode event;
            try {
                event = JSON.readTree(t);
            } catch (Exception notJson) {
                continue;
            }
            String type = event.path("type").asText("");
            JsonNode usage = event.path("usage");
            if (type.equals("turn.completed") && usage.isObject()) {
                in += usage.path("input_tokens").asLong(0);
                out += usage.path("output_tokens").asLong(0);
            } else if (type.equals("result")) {
                in += usage.path("input_tokens").asLong(0) + usage.path("cache_creation_input_tokens").asLong(0)
                        + usage.path("cache_read_input_tokens").asLong(0);
                out += usage.path("output_tokens").asLong(0);
                if (event.path("total_cost_usd").isNumber()) {
                    reportedCost = (reportedCost == null ? 0 : reportedCost) + event.get("total_cost_usd").asDouble();
                }
            }
        }
        Usage priced = prices.usage(model, in, out);
        return reportedCost == null ? priced : Usage.of(in, out, Math.max(0, reportedCost));
    }
}

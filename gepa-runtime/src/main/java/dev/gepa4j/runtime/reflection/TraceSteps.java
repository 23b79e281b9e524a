package dev.gepa4j.runtime.reflection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gepa4j.contract.ContractCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A stored trace read as steps. The contract's trace is {@code {"event_history": [{"type", "text", "module_id"}]}};
 * a step whose content is not in {@code text} (the reference format's {@code {"type":"prediction","label":...}})
 * keeps its other keys as compact JSON. A trace of any other shape (not JSON, no {@code event_history}, or cut at
 * storage) has no steps and is kept as {@link #unstructured} text, which proposers show whole (bounded).
 *
 * @param steps        the steps in order; empty when the trace has no {@code event_history}
 * @param unstructured the trace's text when it has no steps ("" when there is no trace at all)
 */
public record TraceSteps(List<Step> steps, String unstructured) {
    /**
     * One step.
     *
     * @param type     the step's kind (input, output, tool_call, verdict, ...); "event" when the container named none
     * @param text     its content
     * @param moduleId the candidate field that shaped it, or null for an untagged step
     */
    public record Step(String type, String text, String moduleId) {
        public Step {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(text, "text");
        }
    }

    public TraceSteps {
        steps = List.copyOf(steps);
        Objects.requireNonNull(unstructured, "unstructured");
    }

    /** True when at least one step names the field that shaped it. */
    public boolean tagged() {
        return steps.stream().anyMatch(s -> s.moduleId() != null);
    }

    /** Reads a stored trace; never throws: what cannot be read as steps is kept as unstructured text. */
    public static TraceSteps parse(String traceJson) {
        String text = traceJson == null ? "" : traceJson.strip();
        if (text.isEmpty() || text.equals("{}")) {
            return new TraceSteps(List.of(), "");
        }
        JsonNode root;
        try {
            root = ContractCodec.plainMapper().readTree(text);
        } catch (JsonProcessingException e) {
            return new TraceSteps(List.of(), text);
        }
        if (root != null && root.path("truncated").asBoolean(false) && root.path("head").isTextual()) {
            return new TraceSteps(List.of(), "[the trace was " + root.path("original_chars").asLong()
                    + " chars, over the stored-trace cap; its beginning follows]\n" + root.path("head").asText());
        }
        JsonNode events = root == null ? null : root.get("event_history");
        if (events == null || !events.isArray()) {
            return new TraceSteps(List.of(), text);
        }
        List<Step> steps = new ArrayList<>(events.size());
        for (JsonNode event : events) {
            steps.add(step(event));
        }
        return new TraceSteps(steps, "");
    }

    private static Step step(JsonNode event) {
        if (!event.isObject()) {
            return new Step("event", event.isTextual() ? event.asText() : event.toString(), null);
        }
        String type = event.path("type").isTextual() && !event.path("type").asText().isBlank()
                ? event.path("type").asText() : "event";
        JsonNode module = event.get("module_id");
        String moduleId = module != null && module.isTextual() && !module.asText().isBlank() ? module.asText() : null;
        JsonNode text = event.get("text");
        if (text != null && text.isTextual()) {
            return new Step(type, text.asText(), moduleId);
        }
        ObjectNode rest = event.deepCopy();
        rest.remove("type");
        rest.remove("module_id");
        return new Step(type, rest.toString(), moduleId);
    }
}

package dev.gepa4j.runtime.container;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gepa4j.contract.ContractCodec;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.runtime.reflection.Cut;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a rollout's trace to a bounded size before it is stored and shown to proposers.
 *
 * <p>A trace longer than the cap (in characters of its JSON text) that is a list of steps
 * ({@code event_history}) keeps its steps, each with its {@code type} and {@code module_id}, their texts cut with
 * a {@code [... N chars cut]} marker (the same cut for every step, as long as the cap allows) and, when even short
 * steps do not fit, the middle steps replaced by one {@code note} step that counts them; the document then says
 * {@code truncated: true} and {@code original_chars}. So proposers can still show each field its own steps. Any
 * other long trace, or one whose steps cannot fit, is replaced by a small JSON document with {@code truncated: true},
 * {@code original_chars} and the trace's beginning as a string in {@code head}.
 */
final class StoredTrace {
    /** Room kept for the note's own keys around the head. */
    private static final int NOTE_OVERHEAD = 64;
    /** Step text caps tried in turn, longest first. */
    private static final int[] STEP_CAPS = {4_000, 2_000, 1_000, 500, 250, 120, Cut.MIN_BOUND};

    private StoredTrace() {
    }

    static RolloutResult bounded(RolloutResult r, int maxChars) {
        String trace = r.traceJson();
        if (trace.length() <= maxChars) {
            return r;
        }
        String kept = keptSteps(trace, maxChars);
        return new RolloutResult(r.rolloutId(), r.candidateId(), r.example(), r.status(), r.reward(), r.output(),
                r.verifier(), kept != null ? kept : headNote(trace, maxChars), r.usage(), r.latencyMs(),
                r.attempts(), r.endpoint(), r.cached(), r.error());
    }

    private static String headNote(String trace, int maxChars) {
        ObjectNode note = JsonNodeFactory.instance.objectNode();
        note.put("truncated", true);
        note.put("original_chars", trace.length());
        // half the cap: escaping can lengthen the head (up to six-fold for control characters), so the note stays
        // within the cap for ordinary text and within a small multiple of it for any text
        note.put("head", trace.substring(0, Math.max(0, (maxChars - NOTE_OVERHEAD) / 2)));
        return ContractCodec.writeTree(note);
    }

    /** The trace with its steps kept and their texts cut to fit {@code maxChars}, or null when that is impossible. */
    private static String keptSteps(String trace, int maxChars) {
        JsonNode root;
        try {
            root = ContractCodec.plainMapper().readTree(trace);
        } catch (JsonProcessingException e) {
            return null;
        }
        JsonNode events = root == null ? null : root.get("event_history");
        if (events == null || !events.isArray() || events.isEmpty()) {
            return null;
        }
        // each step's fields and full text are read once; every try below only cuts them to its own bound
        List<Step> steps = new ArrayList<>(events.size());
        for (JsonNode event : events) {
            steps.add(Step.of(event));
        }
        for (int cap : STEP_CAPS) {
            String doc = document(root, steps, cap, 0, steps.size(), trace.length());
            if (doc.length() <= maxChars) {
                return doc;
            }
        }
        for (int keep = steps.size() * 3 / 4; keep >= 2; keep = keep * 3 / 4) {
            String doc = document(root, steps, Cut.MIN_BOUND, keep - keep / 2, keep / 2, trace.length());
            if (doc.length() <= maxChars) {
                return doc;
            }
        }
        return null;
    }

    /** The first {@code head} and last {@code tail} steps, texts cut to {@code cap}, a note for those between. */
    private static String document(JsonNode root, List<Step> events, int cap, int head, int tail, int originalChars) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("truncated", true);
        doc.put("original_chars", originalChars);
        if (root.path("error").isTextual()) {
            doc.put("error", Cut.middle(root.path("error").asText(), Math.max(cap, 500)));
        }
        ArrayNode steps = doc.putArray("event_history");
        int n = events.size();
        for (int i = 0; i < n; i++) {
            if (i == head && head + tail < n) {
                steps.addObject().put("type", "note").put("text", "[... " + (n - head - tail)
                        + " steps cut at storage]");
                i = n - tail - 1;
                continue;
            }
            steps.add(events.get(i).cut(cap));
        }
        return ContractCodec.writeTree(doc);
    }

    /** One stored step: its {@code type} and {@code module_id} when it has them (null when not), and its full text. */
    private record Step(String type, String moduleId, String text) {
        static Step of(JsonNode event) {
            if (!event.isObject()) {
                return new Step("event", null, event.isTextual() ? event.asText() : event.toString());
            }
            String type = event.path("type").isTextual() ? event.path("type").asText() : null;
            String moduleId = event.path("module_id").isTextual() ? event.path("module_id").asText() : null;
            if (event.path("text").isTextual()) {
                return new Step(type, moduleId, event.path("text").asText());
            }
            ObjectNode rest = event.deepCopy();
            rest.remove("type");
            rest.remove("module_id");
            return new Step(type, moduleId, rest.toString());
        }

        ObjectNode cut(int cap) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            if (type != null) {
                out.put("type", type);
            }
            if (moduleId != null) {
                out.put("module_id", moduleId);
            }
            return out.put("text", Cut.middle(text, cap));
        }
    }
}

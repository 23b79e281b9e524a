package dev.gepa4j.runtime.agent;

import dev.gepa4j.core.propose.FailureCase;
import dev.gepa4j.runtime.reflection.Cut;
import dev.gepa4j.runtime.reflection.FieldEvidence;
import dev.gepa4j.runtime.reflection.ReflectionBounds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The examples as the agent's folder shows them ({@code state/failures.json}, {@code state/successes.json}): per
 * example its input, output, reward, verdict and overall feedback and the whole trace (bounded), under the key names
 * agents have read all along ({@code exampleId}, {@code verifier.feedback}, {@code traceExcerpt}), and under
 * {@code by_field} one entry per field
 * the proposal may rewrite, holding the feedback addressed to that field and the trace excerpt scoped to it
 * ({@link FieldEvidence}). One file with a section per field, rather than one file per field, keeps field names
 * (arbitrary container text) out of file paths. Every text is bounded as in the LLM proposer's prompt.
 */
final class FolderCases {
    /** The longest input or output shown per example. */
    static final int MAX_TEXT_CHARS = 4_000;

    private FolderCases() {
    }

    static List<Map<String, Object>> of(List<FailureCase> cases, List<String> fields) {
        return cases.stream().map(c -> view(c, fields)).toList();
    }

    private static Map<String, Object> view(FailureCase c, List<String> fields) {
        ReflectionBounds bounds = ReflectionBounds.DEFAULT;
        Map<String, Object> v = new LinkedHashMap<>();
        // the keys agents read before per-field evidence existed keep their names and shapes
        v.put("exampleId", c.exampleId());
        v.put("input", Cut.middle(c.input(), MAX_TEXT_CHARS));
        v.put("output", Cut.middle(c.output(), MAX_TEXT_CHARS));
        v.put("reward", c.reward());
        Map<String, Object> verifier = new LinkedHashMap<>();
        verifier.put("passed", c.verifier().passed());
        verifier.put("score", c.verifier().score());
        verifier.put("feedback", c.verifier().feedback() == null ? null
                : Cut.middle(c.verifier().feedback(), bounds.maxFeedbackChars()));
        v.put("verifier", verifier);
        v.put("error", c.error() == null ? null : Cut.middle(c.error(), bounds.maxFeedbackChars()));
        v.put("traceExcerpt", FieldEvidence.of(c, null, bounds).trace());
        Map<String, Object> byField = new LinkedHashMap<>();
        for (String field : fields) {
            FieldEvidence.Excerpt e = FieldEvidence.of(c, field, bounds);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("feedback", e.fieldFeedback());
            f.put("trace_excerpt", e.trace());
            f.put("steps_of_other_fields_left_out", e.otherFieldSteps());
            byField.put(field, f);
        }
        v.put("by_field", byField);
        return v;
    }
}

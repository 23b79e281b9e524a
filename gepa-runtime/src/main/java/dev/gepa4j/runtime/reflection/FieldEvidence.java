package dev.gepa4j.runtime.reflection;

import dev.gepa4j.core.model.VerifierResult;
import dev.gepa4j.core.propose.FailureCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a proposer rewriting one field is shown of one example: the trace steps that field shaped and that field's
 * feedback, each cut to its bound.
 *
 * <p>Scoping rule. When the trace tags at least one step with a {@code module_id}, the excerpt keeps the steps
 * tagged with the field and every untagged step (the input, the final answer, an overall verdict: context every
 * field needs) and leaves out the steps of other fields, saying how many. When no step is tagged, or the trace is
 * not a list of steps, the whole trace is shown, as for a single-field program. Each step's text is cut to
 * {@link ReflectionBounds#maxEventChars()}, the whole excerpt to {@link ReflectionBounds#maxTraceChars()}.
 *
 * <p>Feedback rule. When the container sent per-field feedback for the example, the field's own entry is shown as
 * the field's feedback (absent when the container blamed other fields only) and the whole-rollout feedback apart,
 * as the overall verdict; otherwise the whole-rollout feedback is the only feedback.
 */
public final class FieldEvidence {
    private FieldEvidence() {
    }

    /**
     * One example's evidence for one field.
     *
     * @param trace           the trace excerpt, bounded ("" when there is no trace)
     * @param perField        true when the container sent per-field feedback for this example
     * @param fieldFeedback   the feedback addressed to the field, bounded; null when there is none
     * @param overallFeedback the whole-rollout feedback, bounded; null when there is none
     * @param addressedFields the fields the container addressed feedback to on this example
     * @param scoped          true when steps of other fields were left out or could have been (the trace is tagged)
     * @param otherFieldSteps how many steps of other fields were left out
     */
    public record Excerpt(String trace, boolean perField, String fieldFeedback, String overallFeedback,
                          Set<String> addressedFields, boolean scoped, int otherFieldSteps) {
    }

    /**
     * The evidence of {@code c} for {@code field}; a null field means no scoping (the whole trace, the overall
     * feedback).
     */
    public static Excerpt of(FailureCase c, String field, ReflectionBounds bounds) {
        TraceSteps steps = TraceSteps.parse(c.trace());
        boolean scoped = field != null && steps.tagged();
        List<String> lines = new ArrayList<>();
        int other = 0;
        boolean errorShown = false;
        for (TraceSteps.Step s : steps.steps()) {
            if (scoped && s.moduleId() != null && !s.moduleId().equals(field)) {
                other++;
                continue;
            }
            String label = !scoped && s.moduleId() != null ? s.type() + " @" + s.moduleId() : s.type();
            lines.add("[" + label + "] " + Cut.middle(s.text(), bounds.maxEventChars()));
            errorShown |= s.type().equals("error");
        }
        if (steps.steps().isEmpty() && !steps.unstructured().isEmpty()) {
            lines.add(steps.unstructured());
        }
        if (c.error() != null && !c.error().isBlank() && !errorShown) {
            lines.add("[error] " + Cut.middle(c.error(), bounds.maxEventChars()));
        }
        if (other > 0) {
            lines.addFirst("(" + other + " step(s) of other fields left out; showing the steps of '" + field
                    + "' and the untagged ones)");
        }
        String trace = Cut.middle(String.join("\n", lines), bounds.maxTraceChars());
        VerifierResult v = c.verifier();
        boolean perField = !v.feedbackByModule().isEmpty();
        String own = perField && field != null ? v.feedbackFor(field) : null;
        return new Excerpt(trace, perField, cut(own, bounds), cut(v.feedback(), bounds),
                v.feedbackByModule().keySet(), scoped, other);
    }

    private static String cut(String text, ReflectionBounds bounds) {
        return text == null || text.isBlank() ? null : Cut.middle(text, bounds.maxFeedbackChars());
    }
}

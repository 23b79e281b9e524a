package dev.gepa4j.sdk;

import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.model.VerifierResult;
import java.util.List;
import java.util.Map;

/**
 * What the handler's rollout found.
 *
 * @param reward   in [0,1] (1 = solved)
 * @param output   the policy's answer as the container read it
 * @param verifier the verifier's verdict and actionable feedback for reflection; its per-field feedback
 *                 ({@link VerifierResult#withFeedbackFor}) is sent as {@code reward_info.details.feedback_by_module},
 *                 so a proposer rewriting one field sees the text meant for that field
 * @param usage    tokens the policy spent
 * @param trace    steps of the rollout, in order; tag a step with the field that shaped it
 *                 ({@link TraceEvent#of}) so a proposer rewriting that field is shown it
 * @param details  small extra facts for {@code reward_info.details} (e.g. expected label)
 */
public record RolloutOutcome(double reward, String output, VerifierResult verifier, Usage usage,
                             List<TraceEvent> trace, Map<String, String> details) {
    public RolloutOutcome {
        if (!(reward >= 0 && reward <= 1)) {
            throw new IllegalArgumentException("reward must be in [0,1], was " + reward);
        }
        output = output == null ? "" : output;
        verifier = verifier == null ? VerifierResult.NONE : verifier;
        usage = usage == null ? Usage.ZERO : usage;
        trace = List.copyOf(trace);
        details = Map.copyOf(details);
    }

    public static RolloutOutcome of(double reward, String output, VerifierResult verifier) {
        return new RolloutOutcome(reward, output, verifier, Usage.ZERO, List.of(), Map.of());
    }
}

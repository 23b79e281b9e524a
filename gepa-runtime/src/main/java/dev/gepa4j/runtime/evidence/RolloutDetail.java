package dev.gepa4j.runtime.evidence;

import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.VerifierResult;
import dev.gepa4j.core.workspace.RolloutRecord;
import java.util.List;

/**
 * One rollout as a person inspects it: what the model answered and what the verifier said. Long texts are cut to
 * a bound (the full text stays in the workspace) and say so.
 *
 * @param seedReward the seed candidate's reward on the same example, when known (for traces; else null)
 * @param stages     the trace's steps grouped by the field that shaped them ({@link TraceStages}); empty when the
 *                   trace is not a list of steps
 */
public record RolloutDetail(long seq, String candidateId, String exampleId, String split, String stage,
                            String status, double reward, Double seedReward, String output, VerifierResult verifier,
                            String error, boolean cached, long latencyMs, int attempts, String trace,
                            List<TraceStages.Stage> stages) {

    /** Output and trace are cut to {@code maxChars} each, and the stages show about as much step text. */
    public static RolloutDetail of(RolloutRecord record, Double seedReward, int maxChars) {
        RolloutResult r = record.result();
        return new RolloutDetail(record.seq(), r.candidateId(), r.example().exampleId(), r.example().split().label(),
                record.stage().label(), r.status().name().toLowerCase(java.util.Locale.ROOT), r.reward(), seedReward,
                cut(r.output(), maxChars), r.verifier(), r.error(), r.cached(), r.latencyMs(), r.attempts(),
                cut(r.traceJson(), maxChars), TraceStages.of(r.traceJson(), maxChars));
    }

    static String cut(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        return text.substring(0, maxChars) + "\n… [" + (text.length() - maxChars) + " more characters in the workspace]";
    }
}

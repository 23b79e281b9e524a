package dev.gepa4j.tasks.gsm8k.react;

import dev.gepa4j.core.model.Usage;
import java.util.List;

/**
 * What one ReAct episode did.
 *
 * @param steps      every thought, tool call, observation and the answer, in order
 * @param finalReply the reply without tool calls that ended the episode, or null when the steps ran out first
 * @param turns      model calls made
 * @param maxSteps   the model calls the episode was allowed
 * @param usage      tokens over all calls
 */
public record ReactTranscript(List<ReactStep> steps, String finalReply, int turns, int maxSteps, Usage usage) {
    public ReactTranscript {
        steps = List.copyOf(steps);
    }

    /** Whether the episode ended because the step limit was reached. */
    public boolean exhausted() {
        return finalReply == null;
    }

    /** The tool calls, in order. */
    public List<ReactStep.ToolCall> toolCalls() {
        return steps.stream().filter(ReactStep.ToolCall.class::isInstance).map(ReactStep.ToolCall.class::cast)
                .toList();
    }

    /** The observations, in order. */
    public List<ReactStep.Observation> observations() {
        return steps.stream().filter(ReactStep.Observation.class::isInstance)
                .map(ReactStep.Observation.class::cast).toList();
    }
}

package dev.gepa4j.tasks.gsm8k.react;

import java.math.BigDecimal;

/** One step of a ReAct transcript, in the order it happened. */
public sealed interface ReactStep {

    /** Text the model wrote alongside tool calls (its reasoning). */
    record Thought(int turn, String text) implements ReactStep {
    }

    /**
     * A tool call as the model sent it.
     *
     * @param name      the tool name the model asked for
     * @param arguments the raw JSON arguments string
     */
    record ToolCall(int turn, String id, String name, String arguments) implements ReactStep {
    }

    /**
     * What the tool answered; the model sees {@link #text} as the tool message.
     *
     * @param value the calculator's result when it succeeded, else null
     * @param text  the result, or {@code error: ...} for a refused or malformed call
     */
    record Observation(int turn, String toolCallId, BigDecimal value, String text) implements ReactStep {
        public boolean failed() {
            return value == null;
        }
    }

    /** The model's reply without tool calls: its final answer. */
    record Answer(int turn, String text) implements ReactStep {
    }
}

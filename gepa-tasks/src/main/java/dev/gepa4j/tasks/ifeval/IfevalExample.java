package dev.gepa4j.tasks.ifeval;

import java.util.List;

/**
 * One IFEval prompt.
 *
 * @param key          the data's unique id
 * @param prompt       the text the model answers
 * @param instructions its verifiable instructions, in the data's order
 */
public record IfevalExample(int key, String prompt, List<IfevalInstruction> instructions) {
    public IfevalExample {
        instructions = List.copyOf(instructions);
    }

    /** Stable id for rollouts and reports: {@code ifeval-<key>}. */
    public String exampleId() {
        return "ifeval-" + key;
    }
}

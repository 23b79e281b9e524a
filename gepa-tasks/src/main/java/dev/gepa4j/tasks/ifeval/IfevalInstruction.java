package dev.gepa4j.tasks.ifeval;

import dev.gepa4j.tasks.ifeval.checks.InstructionArgs;
import java.util.Map;

/**
 * One verifiable instruction of a prompt.
 *
 * @param id     e.g. {@code length_constraints:number_words}
 * @param kwargs its parameters, e.g. {@code relation = "at least", num_words = 300}
 */
public record IfevalInstruction(String id, Map<String, Object> kwargs) {
    public IfevalInstruction {
        kwargs = Map.copyOf(kwargs);
    }

    public InstructionArgs args() {
        return InstructionArgs.of(id, kwargs);
    }
}

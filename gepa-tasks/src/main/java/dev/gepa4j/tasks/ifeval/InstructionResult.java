package dev.gepa4j.tasks.ifeval;

import dev.gepa4j.tasks.ifeval.checks.CheckOutcome;

/** One checked instruction and what its checker found. */
public record InstructionResult(IfevalInstruction instruction, CheckOutcome outcome) {

    public boolean followed() {
        return outcome.followed();
    }

    /** E.g. {@code punctuation:no_comma: asked for no commas, found 4}. */
    public String describe() {
        return instruction.id() + ": " + outcome.measured();
    }
}

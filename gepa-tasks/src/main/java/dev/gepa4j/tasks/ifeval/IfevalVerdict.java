package dev.gepa4j.tasks.ifeval;

import java.util.List;

/**
 * The verifier's judgement of one response.
 *
 * @param checked    the instructions with a checker, each with its outcome, in the prompt's order
 * @param notChecked the ids of instructions without a checker (left out of the reward)
 */
public record IfevalVerdict(List<InstructionResult> checked, List<String> notChecked) {
    public IfevalVerdict {
        checked = List.copyOf(checked);
        notChecked = List.copyOf(notChecked);
    }

    public long followedCount() {
        return checked.stream().filter(InstructionResult::followed).count();
    }

    /** Fraction of checked instructions followed; 0 when none is checked (such rows are not served). */
    public double reward() {
        return checked.isEmpty() ? 0.0 : (double) followedCount() / checked.size();
    }

    public boolean allFollowed() {
        return !checked.isEmpty() && followedCount() == checked.size();
    }

    public List<InstructionResult> failed() {
        return checked.stream().filter(r -> !r.followed()).toList();
    }

    /**
     * The feedback for reflection: how many were followed, then each failed instruction with what was measured, then
     * the instructions not checked.
     */
    public String feedback() {
        StringBuilder sb = new StringBuilder("Followed " + followedCount() + " of " + checked.size()
                + " checked instructions.");
        for (InstructionResult r : failed()) {
            sb.append("\nFAILED ").append(r.describe());
        }
        for (InstructionResult r : checked) {
            if (r.followed()) {
                sb.append("\nok ").append(r.describe());
            }
        }
        if (!notChecked.isEmpty()) {
            sb.append("\nNot checked (no checker): ").append(String.join(", ", notChecked));
        }
        return sb.toString();
    }
}

package dev.gepa4j.tasks.ifeval.container;

import dev.gepa4j.tasks.ifeval.IfevalVerdict;
import dev.gepa4j.tasks.ifeval.InstructionResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-field verdicts of a rollout: what the draft stage got wrong (the draft, judged before revision), and what
 * the revise stage got wrong (instructions still failed after revision, and instructions the revision broke).
 * Both verdicts come from the same checkers, in the prompt's instruction order.
 */
final class StageVerdicts {
    private StageVerdicts() {
    }

    static String draft(IfevalVerdict draft) {
        if (draft.allFollowed()) {
            return "The draft followed all " + draft.checked().size() + " checked instructions before revision.";
        }
        return "The draft, before revision, failed " + draft.failed().size() + " of " + draft.checked().size()
                + " checked instructions: " + join(draft.failed());
    }

    static String revise(IfevalVerdict draft, IfevalVerdict revised) {
        List<InstructionResult> stillFailed = new ArrayList<>();
        List<InstructionResult> broken = new ArrayList<>();
        List<InstructionResult> fixed = new ArrayList<>();
        for (int i = 0; i < revised.checked().size(); i++) {
            InstructionResult after = revised.checked().get(i);
            boolean before = draft.checked().get(i).followed();
            if (!after.followed()) {
                (before ? broken : stillFailed).add(after);
            } else if (!before) {
                fixed.add(after);
            }
        }
        if (stillFailed.isEmpty() && broken.isEmpty()) {
            return "The revised answer follows all " + revised.checked().size() + " checked instructions"
                    + (fixed.isEmpty() ? "." : "; the revision fixed " + fixed.size() + " the draft had failed.");
        }
        StringBuilder sb = new StringBuilder();
        if (!stillFailed.isEmpty()) {
            sb.append("Still failed after revision: ").append(join(stillFailed)).append(". ");
        }
        if (!broken.isEmpty()) {
            sb.append("The revision broke what the draft had followed: ").append(join(broken)).append(". ");
        }
        if (!fixed.isEmpty()) {
            sb.append("The revision fixed ").append(fixed.size()).append(" instruction(s) the draft had failed.");
        }
        return sb.toString().strip();
    }

    private static String join(List<InstructionResult> results) {
        return String.join("; ", results.stream().map(InstructionResult::describe).toList());
    }
}

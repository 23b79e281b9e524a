package dev.gepa4j.core.propose;

import dev.gepa4j.core.merge.ComponentMerge;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.Usage;
import java.util.List;
import java.util.Map;

/**
 * System-aware crossover of two frontier parents through their common ancestor, field by field
 * ({@link ComponentMerge}):
 * <ul>
 *   <li>only one parent changed the field since the ancestor: take that parent's text (the change is the progress);</li>
 *   <li>both changed it: a three-way merge of the two texts that keeps both parents' edits when they do not overlap
 *       (two insertions at one place: both, the better parent's first); when they conflict, the text of the parent
 *       with the higher train mean ({@link MergeContext}); on a tie, the packet's first parent, so merges repeat
 *       exactly;</li>
 *   <li>neither changed it: the common text.</li>
 * </ul>
 * Calls no model and costs nothing. A merge that reproduces one of the parents is rejected (it would be a duplicate).
 * Deciding whether the merged child is any good is the loop's merge gate, not this class.
 */
public final class MergeProposer implements Proposer {

    @Override
    public String kind() {
        return "merge";
    }

    @Override
    public ProposalOutcome propose(ProposalPacket packet) {
        MergeContext merge = packet.merge();
        if (merge == null) {
            return ProposalOutcome.rejected("", "", Usage.ZERO,
                    "the merge proposer was given a packet without a merge context (two parents and an ancestor)");
        }
        Candidate a = packet.parent();
        Candidate b = merge.otherParent();
        Candidate ancestor = merge.ancestor();
        StringBuilder plan = new StringBuilder("merge of " + a.id() + " and " + b.id() + " via " + ancestor.id() + "\n");
        ComponentMerge m;
        try {
            m = ComponentMerge.of(ancestor, a, b, merge.parentMean() >= merge.otherParentMean(), packet.mutableFields());
        } catch (IllegalArgumentException e) {
            return ProposalOutcome.rejected(plan.toString(), "", Usage.ZERO, e.getMessage());
        }
        m.sources().forEach((field, source) -> plan.append("- ").append(field).append(": from ").append(source)
                .append('\n'));
        String input = plan.toString();
        Map<String, String> child = m.components();
        if (child.equals(a.components()) || child.equals(b.components())) {
            return ProposalOutcome.rejected(input, "", Usage.ZERO, "the merge reproduces a parent unchanged");
        }
        return new ProposalOutcome(List.of(child), input, input, Usage.ZERO, null);
    }
}

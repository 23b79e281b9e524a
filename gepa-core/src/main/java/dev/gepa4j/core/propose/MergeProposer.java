package dev.gepa4j.core.propose;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.Usage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * System-aware crossover of two frontier parents through their common ancestor, field by field:
 * <ul>
 *   <li>only one parent changed the field since the ancestor: take that parent's text (the change is the progress);</li>
 *   <li>both changed it: take the text of the parent with the higher train mean ({@link MergeContext}); on a tie,
 *       the packet's first parent, so merges repeat exactly;</li>
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
        boolean aIsBetter = merge.parentMean() >= merge.otherParentMean();
        Map<String, String> child = new LinkedHashMap<>();
        StringBuilder plan = new StringBuilder("merge of " + a.id() + " and " + b.id() + " via " + ancestor.id() + "\n");
        for (String field : packet.mutableFields()) {
            String fromA = a.components().get(field);
            String fromB = b.components().get(field);
            String base = ancestor.components().get(field);
            String source;
            if (Objects.equals(fromA, fromB)) {
                child.put(field, fromA);
                source = "both parents agree";
            } else if (Objects.equals(fromA, base)) {
                child.put(field, fromB);
                source = b.id() + " (only it changed the field)";
            } else if (Objects.equals(fromB, base)) {
                child.put(field, fromA);
                source = a.id() + " (only it changed the field)";
            } else {
                child.put(field, aIsBetter ? fromA : fromB);
                source = (aIsBetter ? a.id() : b.id()) + " (both changed it; higher train mean)";
            }
            if (child.get(field) == null) {
                return ProposalOutcome.rejected(plan.toString(), "", Usage.ZERO,
                        "field '" + field + "' is missing from a parent, cannot merge");
            }
            plan.append("- ").append(field).append(": from ").append(source).append('\n');
        }
        String input = plan.toString();
        if (child.equals(a.components()) || child.equals(b.components())) {
            return ProposalOutcome.rejected(input, "", Usage.ZERO, "the merge reproduces a parent unchanged");
        }
        return new ProposalOutcome(List.of(child), input, input, Usage.ZERO, null);
    }
}

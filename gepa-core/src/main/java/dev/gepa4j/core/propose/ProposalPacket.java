package dev.gepa4j.core.propose;

import dev.gepa4j.core.model.Candidate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a proposer is shown for one proposal. Heldout results never appear here.
 *
 * @param seq                proposal number in the run (from 1)
 * @param parent             the candidate to improve (for a merge: the first parent)
 * @param fieldsToUpdate     the fields this proposal should change (the others must stay as they are)
 * @param mutableFields      every field proposals may write
 * @param failures           the parent's failures on its minibatch, in minibatch order
 * @param successes          a few of the parent's successes on the same minibatch, for contrast
 * @param parentDiff         per field, the unified diff that made the parent from its own parent (empty for the seed)
 * @param parentMinibatchMean the parent's mean reward on the minibatch
 * @param parentTrainMean    the parent's mean reward on the full train set (null if not measured)
 * @param frontierSummary    a few lines on the frontier: members, coverage, who wins where
 * @param taskDescription    the container's task description
 * @param proposerHints      the container's hints for proposers
 * @param rejectedAttempts   this parent's earlier rejected children, newest first
 * @param proposalsWanted    how many alternative drafts the caller would like (a proposer may return fewer)
 * @param randomSeed         seed for proposers that draw random numbers, so runs repeat
 * @param merge              present only when two frontier parents are to be merged
 */
public record ProposalPacket(int seq, Candidate parent, List<String> fieldsToUpdate, List<String> mutableFields,
                             List<FailureCase> failures, List<FailureCase> successes, Map<String, String> parentDiff,
                             double parentMinibatchMean, Double parentTrainMean, String frontierSummary,
                             String taskDescription, String proposerHints, List<RejectedAttempt> rejectedAttempts,
                             int proposalsWanted, long randomSeed, MergeContext merge) {
    public ProposalPacket {
        Objects.requireNonNull(parent, "parent");
        fieldsToUpdate = List.copyOf(fieldsToUpdate);
        mutableFields = List.copyOf(mutableFields);
        failures = List.copyOf(failures);
        successes = List.copyOf(successes);
        parentDiff = Map.copyOf(parentDiff);
        rejectedAttempts = List.copyOf(rejectedAttempts);
        frontierSummary = frontierSummary == null ? "" : frontierSummary;
        taskDescription = taskDescription == null ? "" : taskDescription;
        proposerHints = proposerHints == null ? "" : proposerHints;
        if (proposalsWanted < 1) {
            throw new IllegalArgumentException("proposalsWanted must be >= 1");
        }
    }

    public boolean isMerge() {
        return merge != null;
    }
}

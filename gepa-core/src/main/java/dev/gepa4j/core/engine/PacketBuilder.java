package dev.gepa4j.core.engine;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.TaskInfo;
import dev.gepa4j.core.propose.FailureCase;
import dev.gepa4j.core.propose.MergeContext;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.RejectedAttempt;
import dev.gepa4j.core.strategy.FeedbackFocus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds what a proposer is shown. Only train results go in: heldout results never reach a proposer. Failures are
 * the parent's minibatch examples with reward below 1, in minibatch order, each with its verifier feedback and a
 * stored trace (proposers cut it to size); a few full successes are added for contrast. The planned fields are
 * moved onto the fields the container's per-field feedback blames when it blames none of them
 * ({@link FeedbackFocus}).
 */
final class PacketBuilder {
    private PacketBuilder() {
    }

    /** What the packet is built from, apart from the parent's results. */
    record Context(List<String> mutableFields, Map<String, String> parentDiff, Double parentTrainMean,
                   String frontierSummary, TaskInfo task, List<RejectedAttempt> rejected, int successesShown) {
    }

    static ProposalPacket reflective(int seq, Candidate parent, List<String> planned, List<DatasetRow> minibatch,
                                     List<RolloutResult> parentResults, long randomSeed, Context c) {
        List<String> fields = FeedbackFocus.refocus(planned, c.mutableFields(), parentResults);
        List<FailureCase> failures = new ArrayList<>();
        List<FailureCase> successes = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < minibatch.size(); i++) {
            RolloutResult r = parentResults.get(i);
            sum += r.reward();
            FailureCase fc = new FailureCase(r.example().exampleId(), minibatch.get(i).inputText(), r.output(),
                    r.reward(), r.verifier(), r.traceJson(), r.error());
            if (r.reward() < 1.0) {
                failures.add(fc);
            } else if (successes.size() < c.successesShown()) {
                successes.add(fc);
            }
        }
        return new ProposalPacket(seq, parent, fields, c.mutableFields(), failures, successes, c.parentDiff(),
                sum / minibatch.size(), c.parentTrainMean(), c.frontierSummary(), c.task().description(),
                c.task().proposerHints(), c.rejected(), 1, randomSeed, null);
    }

    static ProposalPacket merge(int seq, Candidate a, Candidate b, Candidate ancestor, double meanA, double meanB,
                                long randomSeed, Context c) {
        return new ProposalPacket(seq, a, c.mutableFields(), c.mutableFields(), List.of(), List.of(), c.parentDiff(),
                meanA, meanA, c.frontierSummary(), c.task().description(), c.task().proposerHints(), List.of(), 1,
                randomSeed, new MergeContext(b, ancestor, meanA, meanB));
    }
}

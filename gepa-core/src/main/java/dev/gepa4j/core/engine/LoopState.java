package dev.gepa4j.core.engine;

import dev.gepa4j.core.frontier.ParetoFrontier;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.propose.RejectedAttempt;
import dev.gepa4j.core.strategy.MergeTriplet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The loop's mutable state. Every access is inside {@code synchronized (state)}: lanes in overlapped mode plan and
 * commit under this one lock and do the slow parts (rollouts, proposer calls, workspace reads and writes) outside it.
 * The one workspace write made under it is a candidate's registration, which must precede its joining the frontier
 * (see {@link Registration}). Everything here is rebuilt by replay on resume, so none of it is persisted.
 */
final class LoopState {
    ParetoFrontier frontier;
    int proposals;
    int accepted;
    int rejected;
    int duplicates;
    int proposerFailed;
    int skipped;
    int failed;
    int mergeAttempts;
    int mergesDue;
    long executed;
    long cached;
    Usage proposerUsage = Usage.ZERO;
    Double bestTrainMean;
    int proposalsSinceImprovement;
    int idleIterations;
    boolean budgetExhausted;
    final Set<MergeTriplet> triedMerges = new HashSet<>();
    final InFlight inFlight = new InFlight();
    /** Merges being run by some lane now; their pairs are not merged again meanwhile. */
    final Set<MergeTriplet> mergesInFlight = new HashSet<>();
    private final Map<String, Deque<RejectedAttempt>> rejectedByParent = new HashMap<>();
    private final Set<String> measured = new HashSet<>();

    /** Assigns the next proposal seq (from 1). */
    int nextSeq() {
        proposalsSinceImprovement++;
        return ++proposals;
    }

    void count(IterationOutcome outcome) {
        switch (outcome) {
            case IterationOutcome.Accepted a -> accepted++;
            case IterationOutcome.Rejected r -> rejected++;
            case IterationOutcome.Duplicate d -> duplicates++;
            case IterationOutcome.ProposerFailed p -> proposerFailed++;
            case IterationOutcome.Skipped s -> skipped++;
            case IterationOutcome.Failed f -> failed++;
        }
    }

    /** Notes a registered candidate's train mean; true when it raised the best. */
    boolean noteTrainMean(Double mean) {
        if (mean != null && (bestTrainMean == null || mean > bestTrainMean)) {
            bestTrainMean = mean;
            proposalsSinceImprovement = 0;
            return true;
        }
        return false;
    }

    /** Counts (candidate, example) measurements not seen before in this loop: the measure of progress. */
    int noteMeasured(List<RolloutResult> results) {
        int fresh = 0;
        for (RolloutResult r : results) {
            if (r != null && r.measured() && measured.add(r.candidateId() + "\n" + r.example().exampleId())) {
                fresh++;
            }
        }
        return fresh;
    }

    void noteRejected(String parentId, Map<String, String> components, String reason, int keep) {
        Deque<RejectedAttempt> d = rejectedByParent.computeIfAbsent(parentId, k -> new ArrayDeque<>());
        d.addFirst(new RejectedAttempt(components, reason));
        while (d.size() > keep) {
            d.removeLast();
        }
    }

    /** This parent's earlier rejected children, newest first. */
    List<RejectedAttempt> rejectedAttempts(String parentId) {
        return new ArrayList<>(rejectedByParent.getOrDefault(parentId, new ArrayDeque<>()));
    }

    LoopCounts counts() {
        return new LoopCounts(proposals, accepted, rejected, duplicates, proposerFailed, skipped, failed, mergeAttempts,
                executed, cached);
    }
}

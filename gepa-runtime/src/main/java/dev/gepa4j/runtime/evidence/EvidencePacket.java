package dev.gepa4j.runtime.evidence;

import java.util.List;
import java.util.Map;

/**
 * The content of {@code packet.json} (docs/architecture.md), written with snake_case names. Scores are fractions in
 * [0,1] or null when not measured; {@code unmeasured} lists the examples no rollout measured, which no score counts.
 */
public record EvidencePacket(String schema, String runId, String task, String status, Map<String, String> policy,
                             ProposerInfo proposer, Splits splits, SeedScores seed, BestCandidate best, Lift lift,
                             Frontier frontier, List<CandidateRow> candidates, RolloutCounts rollouts,
                             UsageTotals usage, String stopReason, Double durationS, Traces traces,
                             List<UnmeasuredExamples.Unmeasured> unmeasured) {

    public static final String SCHEMA = "gepa4j.evidence.v1";

    /**
     * The [proposer] settings of the run's config, the proposer kinds that ran and how many calls they made.
     *
     * @param failedCalls     calls whose output was rejected (unusable, over a cap, carrying a key, ...)
     * @param allRejected     true when there were calls and every one was rejected: the run's result is the seed
     * @param firstRejection  the first rejection's reason when all were rejected, else null
     */
    public record ProposerInfo(Map<String, String> config, List<String> kinds, int calls, int failedCalls,
                               boolean allRejected, String firstRejection) {
    }

    /** Number of examples per split seen in the run. */
    public record Splits(int train, int heldout) {
    }

    public record SeedScores(String candidateId, Double train, Double heldout) {
    }

    /**
     * @param files file name under {@code best/} to the field whose text it holds (see {@link BestFileNames})
     * @param diff  unified diff against the seed ("" when the best is the seed)
     */
    public record BestCandidate(String candidateId, Map<String, String> components, Map<String, String> files,
                                Double train, Double heldout, Double mini, List<String> parents, String diff) {
    }

    /** Best minus seed; null when either side was not measured. */
    public record Lift(Double train, Double heldout) {
    }

    public record Frontier(int covered, int total, List<String> members) {
    }

    public record CandidateRow(String candidateId, int index, List<String> parents, String origin, String role,
                               Double mini, Double train, Double heldout, int newSeeds, int wins) {
    }

    public record Tokens(long promptTokens, long completionTokens, long totalTokens, double costUsd) {
    }

    /** @param costUsd policy plus proposer */
    public record UsageTotals(Tokens policy, Tokens proposer, double costUsd) {
    }

    /**
     * The best candidate's rollouts that show what it does: wins (reward above 0, largest gain over the seed first)
     * and losses (reward below 1, largest loss against the seed first), at most {@link #LIMIT} each.
     */
    public record Traces(List<RolloutDetail> wins, List<RolloutDetail> losses) {
        public static final int LIMIT = 5;
    }
}

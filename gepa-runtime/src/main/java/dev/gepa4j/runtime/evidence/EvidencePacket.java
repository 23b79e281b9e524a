package dev.gepa4j.runtime.evidence;

import java.util.List;
import java.util.Map;

/**
 * The content of {@code packet.json} (docs/architecture.md), written with snake_case names. Scores are fractions in
 * [0,1] or null when not measured; {@code unmeasured} lists the examples no rollout measured, which no score counts;
 * {@code cached_from} counts the run's cached rollouts by the other run (an earlier one, or another process running at
 * the same time on a shared workspace) that executed them.
 */
public record EvidencePacket(String schema, String runId, String task, String status, Map<String, String> policy,
                             ProposerInfo proposer, Splits splits, SeedScores seed, BestCandidate best, Lift lift,
                             Test test, OverfitGap overfitGap, Frontier frontier, List<CandidateRow> candidates,
                             RolloutCounts rollouts, UsageTotals usage, String stopReason, Double durationS,
                             Traces traces, List<UnmeasuredExamples.Unmeasured> unmeasured,
                             Map<String, Long> cachedFrom) {

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

    /**
     * Number of examples per split seen in the run.
     *
     * @param frontier {@code train}, or {@code pareto} when the frontier was scored on rows of its own (the
     *                 candidates' {@code train} scores are then on the pareto rows)
     */
    public record Splits(int train, int pareto, int heldout, int test, String frontier) {
    }

    public record SeedScores(String candidateId, Double train, Double heldout) {
    }

    /**
     * @param files file name under {@code best/} to the field whose text it holds (see {@link BestFileNames})
     * @param diff  unified diff against the seed ("" when the best is the seed)
     * @param diffs the same diff, one unified diff per changed field, keyed by field
     */
    public record BestCandidate(String candidateId, Map<String, String> components, Map<String, String> files,
                                Double train, Double heldout, Double mini, List<String> parents, String diff,
                                Map<String, String> diffs) {
    }

    /**
     * Best minus seed; null when either side was not measured. {@code note} says what the heldout lift is worth: it
     * is measured on the rows that picked the best, so it is biased upwards.
     */
    public record Lift(Double train, Double heldout, String note) {
        static final String HELDOUT_IS_SELECTION = "the heldout lift is measured on the rows that picked the best "
                + "(the selection set), so it is biased upwards";
        static final String NO_TEST = HELDOUT_IS_SELECTION + "; this run has no test split, so no unbiased figure";
        static final String SEE_TEST = HELDOUT_IS_SELECTION + "; the test block is the unbiased figure";
    }

    /**
     * The seed and the best on the test split: rows no decision of the loop read and no proposer saw.
     *
     * @param n             rows measured for both (the paired rows)
     * @param rows          test rows in the run
     * @param seed          the seed's mean on the paired rows
     * @param best          the best's mean on the paired rows
     * @param lift          best minus seed on the paired rows
     * @param ci95          95% interval for the lift, [low, high]
     * @param pValue        two-sided p-value of "no difference"
     * @param method        {@code exact_mcnemar} (0/1 rewards) or {@code paired_bootstrap} (any other reward)
     * @param ciMethod      how the interval was computed
     * @param bestOnly      rows where the best scored higher than the seed
     * @param seedOnly      rows where the seed scored higher than the best
     * @param resamples     bootstrap resamples (0 for McNemar)
     * @param bootstrapSeed the bootstrap's fixed seed (0 for McNemar)
     */
    public record Test(int n, int rows, String seedCandidateId, String bestCandidateId, double seed, double best,
                       double lift, List<Double> ci95, double pValue, String method, String ciMethod, int bestOnly,
                       int seedOnly, int resamples, long bootstrapSeed) {
    }

    /**
     * Train score minus test score, for the best and for the seed: a best whose gap is much larger than the seed's
     * was fitted to the rows it was selected on. {@code trainRows} says which rows "train" is (the frontier's).
     */
    public record OverfitGap(Double best, Double seed, String trainRows) {
    }

    public record Frontier(int covered, int total, List<String> members) {
    }

    /** @param changedFields the fields whose text differs from its first parent's, in field order (the seed: none) */
    public record CandidateRow(String candidateId, int index, List<String> parents, String origin, String role,
                               Double mini, Double train, Double heldout, int newSeeds, int wins,
                               List<String> changedFields) {
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

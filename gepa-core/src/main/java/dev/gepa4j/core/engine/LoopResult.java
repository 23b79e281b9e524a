package dev.gepa4j.core.engine;

import dev.gepa4j.core.frontier.Coverage;
import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.workspace.RunStatus;
import java.util.List;

/**
 * The run's outcome. Scores are fractions in [0,1]; a score not measured is null.
 *
 * @param bestCandidateId highest heldout mean (ties: higher train mean, then lower index); without heldout results,
 *                        the best train mean
 * @param candidateIds    every registered candidate in index order
 * @param coverage        train examples the frontier solves
 * @param proposerUsage   tokens and cost of all proposals (replayed ones included)
 * @param test            the seed and the best on the test split; null when the run has no test split or was paused
 */
public record LoopResult(String runId, String seedCandidateId, String bestCandidateId, Double seedTrainMean,
                         Double bestTrainMean, Double seedHeldoutMean, Double bestHeldoutMean, String stopReason,
                         RunStatus status, Coverage coverage, List<String> candidateIds, LoopCounts counts,
                         Usage proposerUsage, TestResult test) {
    public LoopResult {
        candidateIds = List.copyOf(candidateIds);
    }
}

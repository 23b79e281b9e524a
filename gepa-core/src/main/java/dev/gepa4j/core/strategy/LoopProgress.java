package dev.gepa4j.core.strategy;

import dev.gepa4j.core.model.Usage;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the run stands, as stop conditions see it at the top of an iteration.
 *
 * @param proposals                 proposals made so far (including ones that failed or were skipped)
 * @param proposalsSinceImprovement proposals since the best train mean last rose
 * @param bestTrainMean             the best train mean so far, null before any was measured
 * @param rolloutsRemaining         rollout budget neither spent nor reserved
 * @param heldoutReserve            rollouts kept back for the heldout pick
 * @param iterationWorstCase        the most rollouts one more iteration can execute
 * @param proposerUsage             tokens and cost of every proposal so far
 * @param elapsed                   wall time since this process started the loop
 */
public record LoopProgress(int proposals, int proposalsSinceImprovement, Double bestTrainMean, long rolloutsRemaining,
                           long heldoutReserve, long iterationWorstCase, Usage proposerUsage, Duration elapsed) {
    public LoopProgress {
        Objects.requireNonNull(proposerUsage, "proposerUsage");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}

package dev.gepa4j.core.strategy;

import java.util.Optional;

/** Stops once some candidate's train mean reaches the threshold. */
public record ScoreThreshold(double threshold) implements StopCondition {
    public ScoreThreshold {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("score threshold must be in (0,1], was " + threshold);
        }
    }

    @Override
    public Optional<String> check(LoopProgress p) {
        return p.bestTrainMean() != null && p.bestTrainMean() >= threshold
                ? Optional.of("score threshold (" + threshold + ")") : Optional.empty();
    }
}

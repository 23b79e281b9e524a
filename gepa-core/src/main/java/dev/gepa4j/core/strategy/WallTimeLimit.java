package dev.gepa4j.core.strategy;

import java.time.Duration;
import java.util.Optional;

/** Stops once the loop has run this long in the current process (a resumed run gets the limit afresh). */
public record WallTimeLimit(Duration limit) implements StopCondition {
    public WallTimeLimit {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("wall time limit must be positive, was " + limit);
        }
    }

    @Override
    public Optional<String> check(LoopProgress p) {
        return p.elapsed().compareTo(limit) >= 0 ? Optional.of("wall time (" + limit + ")") : Optional.empty();
    }
}

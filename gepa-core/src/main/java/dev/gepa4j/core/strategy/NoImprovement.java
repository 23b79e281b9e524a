package dev.gepa4j.core.strategy;

import java.util.Optional;

/** Stops after this many proposals in a row that did not raise the best train mean. */
public record NoImprovement(int proposals) implements StopCondition {
    public NoImprovement {
        if (proposals < 1) {
            throw new IllegalArgumentException("no-improvement patience must be >= 1 proposal, was " + proposals);
        }
    }

    @Override
    public Optional<String> check(LoopProgress p) {
        return p.proposalsSinceImprovement() >= proposals
                ? Optional.of("no improvement in " + proposals + " proposals") : Optional.empty();
    }
}

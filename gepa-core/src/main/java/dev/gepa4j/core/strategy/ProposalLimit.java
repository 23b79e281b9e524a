package dev.gepa4j.core.strategy;

import java.util.Optional;

/** Stops once this many proposals have been made. */
public record ProposalLimit(int maxProposals) implements StopCondition {
    public ProposalLimit {
        if (maxProposals < 0) {
            throw new IllegalArgumentException("proposal limit must be >= 0, was " + maxProposals);
        }
    }

    @Override
    public Optional<String> check(LoopProgress p) {
        return p.proposals() >= maxProposals ? Optional.of("proposal limit (" + maxProposals + ")") : Optional.empty();
    }
}

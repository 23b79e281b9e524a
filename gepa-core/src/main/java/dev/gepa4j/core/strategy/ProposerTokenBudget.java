package dev.gepa4j.core.strategy;

import java.util.Optional;

/** Stops once the proposals together have used at least this many tokens (prompt + completion). */
public record ProposerTokenBudget(long maxTokens) implements StopCondition {
    public ProposerTokenBudget {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("proposer token budget must be >= 1, was " + maxTokens);
        }
    }

    @Override
    public Optional<String> check(LoopProgress p) {
        return p.proposerUsage().totalTokens() >= maxTokens
                ? Optional.of("proposer token budget (" + p.proposerUsage().totalTokens() + " >= " + maxTokens + ")")
                : Optional.empty();
    }
}

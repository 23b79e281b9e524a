package dev.gepa4j.core.strategy;

import java.util.Locale;
import java.util.Optional;

/** Stops once the proposals together have cost at least this many US dollars (as their usage reports it). */
public record ProposerCostBudget(double maxUsd) implements StopCondition {
    public ProposerCostBudget {
        if (!(maxUsd > 0)) {
            throw new IllegalArgumentException("proposer cost budget must be > 0 USD, was " + maxUsd);
        }
    }

    @Override
    public Optional<String> check(LoopProgress p) {
        double spent = p.proposerUsage().costUsd();
        return spent >= maxUsd
                ? Optional.of(String.format(Locale.ROOT, "proposer cost budget ($%.4f >= $%.4f)", spent, maxUsd))
                : Optional.empty();
    }
}

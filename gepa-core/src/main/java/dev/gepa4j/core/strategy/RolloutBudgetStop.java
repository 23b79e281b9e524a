package dev.gepa4j.core.strategy;

import java.util.Optional;

/**
 * Stops when one more iteration might eat into the heldout reserve: an iteration starts only if the budget left
 * after the reserve covers its worst case, so the heldout pick always has its budget. Reason {@code rollout budget}.
 */
public final class RolloutBudgetStop implements StopCondition {
    public static final String REASON = "rollout budget";

    @Override
    public Optional<String> check(LoopProgress p) {
        return p.rolloutsRemaining() - p.heldoutReserve() < p.iterationWorstCase() ? Optional.of(REASON) : Optional.empty();
    }
}

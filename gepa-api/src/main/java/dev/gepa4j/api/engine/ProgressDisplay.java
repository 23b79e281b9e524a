package dev.gepa4j.api.engine;

import dev.gepa4j.core.rollout.RolloutBudget;
import java.util.function.Supplier;

/**
 * Opens a display of how much of the rollout budget a run has spent. The display polls the budget (the loop knows
 * nothing of it) and is closed when the loop ends.
 */
@FunctionalInterface
public interface ProgressDisplay {
    /** No display. */
    ProgressDisplay NONE = (budget, status) -> () -> { };

    /**
     * @param budget the run's budget ({@link RolloutBudget#committed()} of {@link RolloutBudget#limit()})
     * @param status one line on the queue (cached, retried, errors, container calls, concurrency)
     */
    Display open(RolloutBudget budget, Supplier<String> status);

    /** An open display; closing it never throws. */
    @FunctionalInterface
    interface Display extends AutoCloseable {
        @Override
        void close();
    }
}

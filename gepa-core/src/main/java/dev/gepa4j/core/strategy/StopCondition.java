package dev.gepa4j.core.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ends the train phase. Checked at the top of every iteration (never in the middle of one).
 *
 * <p>Contract: returns the stop reason in a few words (it becomes the run's stop reason) or empty to go on. Must
 * be cheap and thread-safe; must not throw.
 */
@FunctionalInterface
public interface StopCondition {
    StopCondition NEVER = progress -> Optional.empty();

    Optional<String> check(LoopProgress progress);

    /** Stops as soon as any of the conditions does; the first one in list order names the reason. */
    static StopCondition anyOf(List<? extends StopCondition> conditions) {
        List<StopCondition> copy = new ArrayList<>(conditions);
        return progress -> {
            for (StopCondition c : copy) {
                Optional<String> reason = c.check(progress);
                if (reason.isPresent()) {
                    return reason;
                }
            }
            return Optional.empty();
        };
    }

    static StopCondition anyOf(StopCondition... conditions) {
        return anyOf(List.of(conditions));
    }
}

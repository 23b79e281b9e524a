package dev.gepa4j.core.rollout;

import dev.gepa4j.core.model.RolloutResult;
import java.util.List;

/**
 * Decides, from the results so far, that the rest of a batch need not run (for example: the child can no longer
 * beat its parent on the minibatch). Called after each finished job with the results in job order ({@code null}
 * for jobs not finished yet). Jobs not yet dispatched are then skipped; jobs in flight finish and are recorded.
 */
@FunctionalInterface
public interface EarlyStop {
    EarlyStop NEVER = partial -> false;

    boolean decided(List<RolloutResult> partial);
}

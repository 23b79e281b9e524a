package dev.gepa4j.core.rollout;

import dev.gepa4j.core.model.RolloutResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What came of one batch.
 *
 * @param results        one entry per job, in job order; {@code null} where the job did not run (the budget could not
 *                       cover it, or the batch was cancelled once its candidate was decided)
 * @param executed       container calls that produced a result in this batch (cache hits excluded)
 * @param cached         jobs served from the cache or the run's journal
 * @param budgetExhausted true when at least one job was left out because the rollout budget was spent
 */
public record BatchResult(List<RolloutResult> results, int executed, int cached, boolean budgetExhausted) {
    public BatchResult {
        results = Collections.unmodifiableList(new ArrayList<>(results));
    }

    /** True when every job has a measured result (OK or FAILED). */
    public boolean complete() {
        for (RolloutResult r : results) {
            if (r == null || !r.measured()) {
                return false;
            }
        }
        return true;
    }
}

package dev.gepa4j.core.rollout;

import java.util.List;

/**
 * Runs batches of rollouts for the loop.
 *
 * <p>Contract: results come back in job order. A job whose result is in the run's journal or (cache mode
 * permitting) in the rollout cache is answered from there: no container call, no budget. Every other job first
 * reserves one unit of the {@link RolloutBudget}; the reservation is committed when a result arrives and released
 * when the attempt fails for good. A finished rollout is appended to the journal before it is returned. Transport
 * failures are retried (retriable ones only) and, when retries are spent, come back as results with status ERROR;
 * they never throw. The method throws only for programming errors and for {@link CacheMissException} in
 * read-only cache mode.
 */
public interface RolloutRunner {

    BatchResult run(Stage stage, List<RolloutJob> jobs, EarlyStop earlyStop);

    default BatchResult run(Stage stage, List<RolloutJob> jobs) {
        return run(stage, jobs, EarlyStop.NEVER);
    }

    /** The budget this runner spends. */
    RolloutBudget budget();
}

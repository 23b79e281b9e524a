package dev.gepa4j.api;

/**
 * Told how much of the rollout budget a run has spent, on a background thread, whenever another tenth of it is
 * spent, and once when the loop ends. Must return quickly.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Prints {@code rollouts SPENT/LIMIT  STATUS} lines to standard error. */
    ProgressListener STDERR = (spent, limit, status) -> System.err.println("rollouts " + spent + "/" + limit + "  "
            + status);

    /**
     * @param spent  rollouts committed so far (executed or from the cache)
     * @param limit  the budget
     * @param status the queue's counters: cached, retried, errors, container calls, concurrency
     */
    void progress(long spent, long limit, String status);
}

package dev.gepa4j.core.rollout;

import dev.gepa4j.core.model.RolloutResult;
import java.util.Arrays;

/**
 * The shared state of one {@link RolloutQueue} batch: results in job order, whether to stop dispatching (early stop
 * decided, or a job threw), and the first failure, rethrown to the caller once every dispatched job has ended.
 *
 * <p>The early-stop rule sees a container's answer as soon as the call returns ({@link #answered}), while the call
 * still holds its concurrency slot, so a job waiting for that slot already knows whether it is still wanted. The
 * batch's results hold only answers that were journaled ({@link #finished}): nothing counts before it is committed.
 */
final class BatchProgress {
    private final RolloutResult[] results;
    private final RolloutResult[] seen;
    private final EarlyStop earlyStop;
    private volatile boolean stopped;
    private volatile boolean budgetExhausted;
    private RuntimeException failure;
    private Error fatal;

    BatchProgress(int size, EarlyStop earlyStop) {
        this.results = new RolloutResult[size];
        this.seen = new RolloutResult[size];
        this.earlyStop = earlyStop;
    }

    boolean stopped() {
        return stopped;
    }

    void budgetExhausted() {
        budgetExhausted = true;
    }

    /** A job's container call answered; its result is not journaled yet. Only the early-stop rule looks at it. */
    synchronized void answered(int index, RolloutResult result) {
        seen[index] = result;
        decideEarlyStop(result);
    }

    /** How the container attempts of job {@code index} learn whether they are still wanted, and report back. */
    RolloutAttempts.Caller caller(int index) {
        return new RolloutAttempts.Caller() {
            @Override
            public boolean wanted() {
                return !stopped;
            }

            @Override
            public void answered(RolloutResult result) {
                BatchProgress.this.answered(index, result);
            }

            @Override
            public void callCapReached() {
                budgetExhausted();
            }
        };
    }

    /** A job ended: its journaled result, or null when it was skipped (budget spent, batch stopped). */
    synchronized void finished(int index, RolloutResult result) {
        results[index] = result;
        seen[index] = result;
        decideEarlyStop(result);
    }

    private void decideEarlyStop(RolloutResult latest) {
        if (!stopped && latest != null && earlyStop != EarlyStop.NEVER
                && earlyStop.decided(Arrays.asList(seen.clone()))) {
            stopped = true;
        }
    }

    synchronized void fail(Throwable t) {
        stopped = true;
        if (t instanceof Error e && fatal == null) {
            fatal = e;
        } else if (t instanceof RuntimeException re && failure == null) {
            failure = re;
        }
    }

    synchronized BatchResult result() {
        if (fatal != null) {
            throw fatal;
        }
        if (failure != null) {
            throw failure;
        }
        int executed = 0;
        int cached = 0;
        for (RolloutResult r : results) {
            if (r != null && r.cached()) {
                cached++;
            } else if (r != null && r.measured()) {
                executed++;
            }
        }
        return new BatchResult(Arrays.asList(results), executed, cached, budgetExhausted);
    }
}

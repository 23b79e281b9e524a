package dev.gepa4j.core.rollout;

import dev.gepa4j.core.model.RolloutResult;
import java.util.Arrays;

/**
 * The shared state of one {@link RolloutQueue} batch: results in job order, whether to stop dispatching (early stop
 * decided, or a job threw), and the first failure, rethrown to the caller once every dispatched job has ended.
 */
final class BatchProgress {
    private final RolloutResult[] results;
    private final EarlyStop earlyStop;
    private volatile boolean stopped;
    private volatile boolean budgetExhausted;
    private RuntimeException failure;
    private Error fatal;

    BatchProgress(int size, EarlyStop earlyStop) {
        this.results = new RolloutResult[size];
        this.earlyStop = earlyStop;
    }

    boolean stopped() {
        return stopped;
    }

    void budgetExhausted() {
        budgetExhausted = true;
    }

    synchronized void finished(int index, RolloutResult result) {
        results[index] = result;
        if (!stopped && result != null && earlyStop != EarlyStop.NEVER
                && earlyStop.decided(Arrays.asList(results.clone()))) {
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

package dev.gepa4j.core.engine;

/**
 * The smallest rollout budget a run can start with, checked in one place: the seed on every frontier row (the train
 * rows, or the pareto rows when the frontier has its own; callers pass their count as {@code trainSize}) plus the
 * heldout reserve ({@link LoopConfig#heldoutReserve}). The loop refuses a smaller budget when it is constructed, and
 * a composition root may ask earlier (before it registers a run) with the same rule and message.
 *
 * <p>The error also names a budget that covers one proposal: the floor plus one iteration's worst case, the parent's
 * minibatch and the gate (plus the best's minibatch when rebasing can apply) or a merge sample, whichever is larger,
 * and the child's full-train run.
 */
public final class BudgetFloor {
    private BudgetFloor() {
    }

    /** Rollouts the seed's train run and the heldout reserve take. */
    public static long of(LoopConfig config, int trainSize, int heldoutSize) {
        return trainSize + config.heldoutReserve(heldoutSize);
    }

    /** The most rollouts one iteration can spend, for the budget forecast and the error's suggestion. */
    static long iterationWorstCase(LoopConfig config, int trainSize) {
        // Parent minibatch and gate; a rebase adds the best's minibatch (journal hits unless the cache is off).
        int minibatchRuns = Rebasing.enabled(config) ? 3 : 2;
        return Math.max((long) minibatchRuns * Math.min(config.minibatchSize(), trainSize),
                config.merge().enabled() ? config.merge().sampleSize() : 0) + trainSize;
    }

    /**
     * @throws IllegalArgumentException when {@code limit} is below the floor; the message names the floor's parts and
     *                                  the budget for one proposal
     */
    public static void require(long limit, LoopConfig config, int trainSize, int heldoutSize) {
        long needed = of(config, trainSize, heldoutSize);
        if (limit < needed) {
            throw new IllegalArgumentException("rollout budget " + limit + " cannot cover the seed on train ("
                    + trainSize + ") plus the heldout reserve (" + (needed - trainSize) + "); raise it to at least "
                    + (needed + iterationWorstCase(config, trainSize)) + " for one proposal, or shrink the splits");
        }
    }
}

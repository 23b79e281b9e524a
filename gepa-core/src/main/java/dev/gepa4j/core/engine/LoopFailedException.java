package dev.gepa4j.core.engine;

import dev.gepa4j.core.error.GepaException;

/**
 * The loop cannot go on: the seed could not be measured, or a proposal failed without running a single new rollout
 * (going on would spin without progress). The run is marked failed in the workspace first; the cause is kept.
 * Resume once the cause (container, proposer, configuration) is fixed.
 */
public final class LoopFailedException extends GepaException {
    public LoopFailedException(String message, Throwable cause) {
        super(FAILED, message, cause);
    }
}
